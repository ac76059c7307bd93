import { hash, verify as verifyArgon2 } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { verifyPassword as verifyWso2 } from "./external/jdbc/wso2-password.ts";
import { inspectHash, parseHash, type HashScheme } from "./imported-hashes.ts";

/** The first admin's password when none is configured; it must be changed before anything else. */
export const DEFAULT_ADMIN_PASSWORD = "admin";

/**
 * The stored hash of a user who has no password (imported without one): it never verifies, so
 * nobody signs in as that user until an administrator sets a password (the import sets
 * mustChangePassword, so the user then picks their own). Every stored text starting with "!" is
 * unusable in the same way, like the external stores' mirror marker ("!external-store").
 */
export const UNUSABLE_PASSWORD = "!";

export function isUnusablePassword(passwordHash: string): boolean {
  return passwordHash.startsWith("!");
}

// OWASP Password Storage Cheat Sheet, first argon2id option: m = 19 MiB, t = 2, p = 1.
// The package exports Algorithm as an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

// Verifying against this when the user does not exist keeps the timing the same, so the
// response time does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

async function equaliseTiming(password: string): Promise<void> {
  dummyHash ??= hashPassword("gatehouse-timing-equaliser");
  await verifyArgon2(await dummyHash, password).catch(() => false);
}

/**
 * Checks a password against a stored hash: Gatehouse's argon2id, or an imported argon2, bcrypt
 * or WSO2 SHA-256 hash (imported-hashes.ts). Never throws. An unknown user (null), the unusable
 * marker and any text that is no accepted hash cost one argon2id verification and fail; so does
 * WSO2's SHA-256, whose own check is too quick to hide that the user exists. bcrypt and other
 * argon2 costs take their own time until sign-in replaces them (needsRehash).
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const parsed = passwordHash === null || isUnusablePassword(passwordHash) ? null : parseHash(passwordHash);
  switch (parsed?.scheme) {
    case "argon2":
      return verifyArgon2(parsed.text, password).catch(() => false);
    case "bcrypt":
      return bcrypt.compare(password, parsed.text).catch(() => false);
    case "wso2-sha256":
      await equaliseTiming(password);
      return verifyWso2(password, parsed.digest, parsed.salt, "SHA-256");
    default:
      await equaliseTiming(password);
      return false;
  }
}

/**
 * True when a stored hash is not argon2id at today's parameters (an older argon2id, or an
 * imported hash of another scheme), so sign-in should replace it. The unusable marker never
 * verifies and is never replaced.
 */
export function needsRehash(passwordHash: string): boolean {
  if (isUnusablePassword(passwordHash)) return false;
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  return m < PARAMS.memoryCost || t < PARAMS.timeCost || p !== PARAMS.parallelism;
}

export type ImportedPassword = { kind: "plain" } | { kind: "hashed"; scheme: HashScheme };

/**
 * What an imported password cell holds: a well-formed hash of an accepted scheme, stored as it is,
 * or anything else, a plain-text password to hash. Call validateImportedHash first: text that
 * looks like a hash but is not accepted is "plain" here and must be refused, not hashed.
 */
export function classifyImportedPassword(text: string): ImportedPassword {
  const parsed = parseHash(text);
  return parsed ? { kind: "hashed", scheme: parsed.scheme } : { kind: "plain" };
}

/**
 * Why an imported password cell that looks like a hash ($argon2…, $2…$, $wso2-…) is refused
 * (malformed, an unsupported variant such as bcrypt's $2x$, or costs beyond HASH_LIMITS), or
 * null when the cell is fine: an accepted hash or a plain password. The reason never repeats
 * the text, so it may be shown and kept.
 */
export function validateImportedHash(text: string): string | null {
  const inspected = inspectHash(text);
  return "problem" in inspected ? inspected.problem : null;
}
