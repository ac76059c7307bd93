import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDbTarget } from "../db/target.ts";
import { AppError } from "../errors.ts";

/**
 * Seals an external store's secrets (bind passwords, database passwords) at rest with
 * AES-256-GCM. The key comes from GATEHOUSE_STORE_KEY (any string of 32+ characters, stretched
 * with HKDF); without it, an embedded SQLite install keeps a random key in `store.key` beside
 * its database file (mode 0600), so a copy of the database alone does not reveal them. With
 * PostgreSQL, where several instances must share the key, GATEHOUSE_STORE_KEY is required.
 */
const PREFIX = "sealed:v1:";

let cachedKey: Buffer | undefined;

function storeKey(): Buffer {
  if (cachedKey) return cachedKey;
  const fromEnv = process.env.GATEHOUSE_STORE_KEY;
  if (fromEnv !== undefined) {
    if (fromEnv.length < 32) throw new AppError("INVALID_INPUT", "GATEHOUSE_STORE_KEY must be at least 32 characters long.");
    cachedKey = Buffer.from(hkdfSync("sha256", fromEnv, "gatehouse", "store settings v1", 32));
    return cachedKey;
  }
  const target = resolveDbTarget();
  if (target.provider !== "sqlite") {
    throw new AppError("INVALID_INPUT", "Set GATEHOUSE_STORE_KEY (32+ characters, the same on every instance) to keep user store secrets.");
  }
  const file = path.join(path.dirname(target.file), "store.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  return cachedKey;
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", storeKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The plain text of a sealed value; a wrong key or a damaged value is a clear error, not a crash. */
export function unseal(sealed: string): string {
  if (!isSealed(sealed)) throw new AppError("INVALID_INPUT", "A stored secret is not sealed.");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", storeKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError(
      "STORE_UNAVAILABLE",
      "A stored secret cannot be opened: GATEHOUSE_STORE_KEY differs from the key it was sealed with.",
    );
  }
}

/** For tests that change GATEHOUSE_STORE_KEY. */
export function forgetStoreKey(): void {
  cachedKey = undefined;
}
