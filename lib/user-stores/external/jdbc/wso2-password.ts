import crypto from "node:crypto";
import type { JdbcSettings } from "../settings.ts";

/**
 * WSO2's JDBC password format (JDBCUserStoreManager.preparePassword, PasswordHashProcessor in
 * carbon-kernel): Base64(digest(UTF-8(password + salt))), where the salt is 16 random bytes in
 * Base64 kept as text in UM_USER.UM_SALT_VALUE (null when StoreSaltedPassword is off).
 * PLAIN_TEXT stores the password itself. See docs/wso2-jdbc.md.
 */
type HashSettings = Pick<JdbcSettings, "passwordDigest" | "storeSaltedPassword">;

const NODE_DIGEST = { "SHA-256": "sha256", "SHA-1": "sha1", MD5: "md5" } as const;

export function newSalt(settings: HashSettings): string | null {
  if (settings.passwordDigest === "PLAIN_TEXT" || !settings.storeSaltedPassword) return null;
  return crypto.randomBytes(16).toString("base64");
}

export function hashPassword(password: string, salt: string | null, digest: JdbcSettings["passwordDigest"]): string {
  if (digest === "PLAIN_TEXT") return password;
  return crypto
    .createHash(NODE_DIGEST[digest])
    .update(password + (salt ?? ""), "utf8")
    .digest("base64");
}

/**
 * Compares in constant time. PLAIN_TEXT also accepts password+salt, which carbon-kernel
 * releases before PasswordHashProcessor stored when a salt was configured.
 */
export function verifyPassword(password: string, stored: string, salt: string | null, digest: JdbcSettings["passwordDigest"]): boolean {
  if (digest === "PLAIN_TEXT") return sameText(password, stored) || (salt !== null && sameText(password + salt, stored));
  return sameText(hashPassword(password, salt, digest), stored);
}

// Hashing both sides first gives equal-length buffers, so the comparison leaks neither content nor length.
function sameText(a: string, b: string): boolean {
  const left = crypto.createHash("sha256").update(a, "utf8").digest();
  const right = crypto.createHash("sha256").update(b, "utf8").digest();
  return crypto.timingSafeEqual(left, right);
}
