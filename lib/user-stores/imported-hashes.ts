import { parseOptions as parseArgon2 } from "@node-rs/argon2";

/**
 * The password hashes Gatehouse accepts besides its own argon2id ones, as imported users bring
 * them (issue #16; docs/import-export.md, "Passwords"): any argon2 PHC string, bcrypt `$2a$`,
 * `$2b$`, `$2y$`, and WSO2's salted SHA-256 as `$wso2-sha256$<base64 salt>$<base64 digest>`.
 * Sign-in verifies them and stores argon2id in their place (password-hash.ts). Only well-formed
 * hashes within the limits below are recognised; text that looks like a hash but is not one of
 * these is a problem to report, never a password to store.
 */
export type HashScheme = "argon2" | "bcrypt" | "wso2-sha256";
export type ParsedHash =
  | { scheme: "argon2" | "bcrypt"; text: string }
  /** `salt` is the UM_SALT_VALUE text ("" when unsalted), `digest` the UM_USER_PASSWORD text. */
  | { scheme: "wso2-sha256"; salt: string; digest: string };

/**
 * Costs above these would let one sign-in attempt take seconds or gigabytes (a stored hash sets
 * its own cost), so such hashes are refused at import and never verified.
 */
export const HASH_LIMITS = {
  argon2: { maxMemoryKiB: 262_144, maxPasses: 16, maxLanes: 16 },
  bcrypt: { maxCost: 15 },
  wso2Sha256: { maxSaltChars: 64 },
} as const;

export const WSO2_SHA256_PREFIX = "$wso2-sha256$";

// PHC strings as the argon2 reference writes them: no keyid/data fields; salt 8–64 bytes, output 16–64 bytes, unpadded base64.
const ARGON2 = /^\$argon2(?:id|i|d)\$(?:v=(?:16|19)\$)?m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$[A-Za-z0-9+/]{11,86}\$[A-Za-z0-9+/]{22,86}$/;
// Modular crypt format: two-digit cost, 22 characters of salt and 31 of hash in bcrypt's base64.
const BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;
// A SHA-256 digest is 32 bytes: 43 base64 characters and one "=" (the last character carries 2 bits).
const WSO2_SHA256 = /^\$wso2-sha256\$([A-Za-z0-9+/=]*)\$([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)$/;
// What a hash of these schemes starts with, so a malformed one is refused instead of taken for a password.
const HASH_LIKE = /^\$(?:argon2|2[a-z]?\$|wso2-)/;

type Inspected = { hash: ParsedHash } | { problem: string } | { plain: true };

/** Reads a hash of the accepted schemes; `problem` says, without repeating the text, why a hash-like text is refused. */
export function inspectHash(text: string): Inspected {
  if (!HASH_LIKE.test(text)) return { plain: true };
  if (text.startsWith("$argon2")) return inspectArgon2(text);
  if (text.startsWith("$2")) return inspectBcrypt(text);
  return inspectWso2(text);
}

/** The hash as sign-in verifies it, or null when the text is no accepted hash. */
export function parseHash(text: string): ParsedHash | null {
  const inspected = inspectHash(text);
  return "hash" in inspected ? inspected.hash : null;
}

function inspectArgon2(text: string): Inspected {
  const match = ARGON2.exec(text);
  if (!match) return { problem: "The argon2 hash is not a well-formed PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)." };
  const [m, t, p] = match.slice(1, 4).map(Number) as [number, number, number];
  const limits = HASH_LIMITS.argon2;
  if (m > limits.maxMemoryKiB || t > limits.maxPasses || p > limits.maxLanes) {
    return {
      problem: `The argon2 hash's costs exceed what sign-in verifies (m ≤ ${limits.maxMemoryKiB}, t ≤ ${limits.maxPasses}, p ≤ ${limits.maxLanes}).`,
    };
  }
  try {
    parseArgon2(text);
  } catch {
    return { problem: "The argon2 hash's parameters or encoding are invalid." };
  }
  return { hash: { scheme: "argon2", text } };
}

const BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Whether the character's low `bits` bits (unused by the bytes it ends) are zero. */
const canonicalLast = (c: string, bits: number) => BCRYPT_ALPHABET.indexOf(c) % (1 << bits) === 0;

function inspectBcrypt(text: string): Inspected {
  const match = BCRYPT.exec(text);
  if (!match) return { problem: "The bcrypt hash is not a well-formed $2a$, $2b$ or $2y$ hash (60 characters)." };
  const cost = Number(match[1]);
  if (cost < 4 || cost > HASH_LIMITS.bcrypt.maxCost) {
    return { problem: `The bcrypt hash's cost must be 04 to ${HASH_LIMITS.bcrypt.maxCost}.` };
  }
  // The salt (22 characters for 16 bytes: 4 bits unused) and the digest (31 for 23: 2 bits unused)
  // end in a character whose unused low bits are zero; anything else no bcrypt implementation writes.
  if (!canonicalLast(text[28]!, 4) || !canonicalLast(text[59]!, 2)) return { problem: "The bcrypt hash's encoding is invalid." };
  return { hash: { scheme: "bcrypt", text } };
}

function inspectWso2(text: string): Inspected {
  const match = WSO2_SHA256.exec(text);
  if (!match) return { problem: "The WSO2 hash is not a well-formed $wso2-sha256$<base64 salt>$<base64 SHA-256 digest>." };
  const [salt, digest] = [match[1]!, match[2]!];
  if (salt.length > HASH_LIMITS.wso2Sha256.maxSaltChars || !isCanonicalBase64(salt)) {
    return { problem: `The WSO2 hash's salt must be base64 text of at most ${HASH_LIMITS.wso2Sha256.maxSaltChars} characters.` };
  }
  return { hash: { scheme: "wso2-sha256", salt, digest } };
}

function isCanonicalBase64(text: string): boolean {
  return text.length % 4 === 0 && Buffer.from(text, "base64").toString("base64") === text;
}

/**
 * WSO2's JDBC columns as one importable text: UM_SALT_VALUE (null or "" when unsalted) and
 * UM_USER_PASSWORD of a store whose PasswordDigest is SHA-256.
 */
export function wso2Sha256Hash(salt: string | null, digest: string): string {
  return `${WSO2_SHA256_PREFIX}${salt ?? ""}$${digest}`;
}
