import { seal, unseal } from "../stores/secrets.ts";
import { hashPassword } from "../user-stores/password-hash.ts";

/**
 * A row's password between the preview and the apply step. A plain-text password is sealed
 * (AES-256-GCM with the store key, lib/stores/secrets.ts) while it waits, and is hashed with
 * argon2id only when its chunk is applied; a recognised hash is kept as it is and upgraded at
 * the user's first sign-in; no password leaves the account unusable until an admin sets one.
 */
export type StagedPassword = { kind: "none" } | { kind: "plain"; sealed: string } | { kind: "hash"; hash: string };

// Well-formed hashes of the schemes sign-in verifies (lib/user-stores/password-hash.ts).
const HASHES = [
  /^\$argon2(id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
  /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/,
  /^\$wso2-sha256\$[A-Za-z0-9+/=]*\$[A-Za-z0-9+/]{43}=$/,
];

export function isPrehashed(text: string): boolean {
  return HASHES.some((h) => h.test(text));
}

/** Never verifies: an imported user without a password signs in only after an admin sets one. */
export const UNUSABLE_PASSWORD = "!";

export function stagePassword(text: string, policy: (password: string) => string | null): StagedPassword | { error: string } {
  if (text === "") return { kind: "none" };
  if (isPrehashed(text)) return { kind: "hash", hash: text };
  const error = policy(text);
  return error ? { error } : { kind: "plain", sealed: seal(text) };
}

/** The stored form: argon2id for plain text (slow; callers run a chunk's hashes in parallel, outside transactions). */
export async function finalPassword(staged: StagedPassword): Promise<{ hash: string; mustChange: boolean }> {
  if (staged.kind === "none") return { hash: UNUSABLE_PASSWORD, mustChange: true };
  if (staged.kind === "hash") return { hash: staged.hash, mustChange: false };
  return { hash: await hashPassword(unseal(staged.sealed)), mustChange: false };
}
