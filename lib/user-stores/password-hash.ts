import { hash, verify } from "@node-rs/argon2";

/** The first admin's password when none is configured; it must be changed before anything else. */
export const DEFAULT_ADMIN_PASSWORD = "admin";

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

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword("gatehouse-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** True when a stored hash was made with weaker parameters than today's, so sign-in should rehash it. */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  return m < PARAMS.memoryCost || t < PARAMS.timeCost || p !== PARAMS.parallelism;
}
