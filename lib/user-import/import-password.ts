import { seal, unseal } from "../stores/secrets.ts";
import { classifyImportedPassword, hashPassword, UNUSABLE_PASSWORD, validateImportedHash } from "../user-stores/password-hash.ts";

/**
 * A row's password between the preview and the apply step. A plain-text password is sealed
 * (AES-256-GCM with the store key, lib/stores/secrets.ts) while it waits, and is hashed with
 * argon2id only when its chunk is applied; a recognised hash is kept as it is and upgraded at
 * the user's first sign-in; no password leaves the account unusable until an admin sets one.
 */
export type StagedPassword = { kind: "none" } | { kind: "plain"; sealed: string } | { kind: "hash"; hash: string };

export function stagePassword(text: string, policy: (password: string) => string | null): StagedPassword | { error: string } {
  if (text === "") return { kind: "none" };
  const refused = validateImportedHash(text);
  if (refused) return { error: refused };
  if (classifyImportedPassword(text).kind === "hashed") return { kind: "hash", hash: text };
  const error = policy(text);
  return error ? { error } : { kind: "plain", sealed: seal(text) };
}

export type FinalPassword = { hash: string; mustChange: boolean; plain?: string };

/**
 * The stored form: argon2id for plain text (slow; callers run a chunk's hashes in parallel,
 * outside transactions); for a store that hashes its own (`inClear`, a directory) the password
 * itself, in memory only (the preview let only plain passwords through for such a store).
 */
export async function finalPassword(staged: StagedPassword, inClear = false): Promise<FinalPassword> {
  if (inClear && staged.kind === "plain") return { hash: "", mustChange: false, plain: unseal(staged.sealed) };
  if (staged.kind === "none") return { hash: UNUSABLE_PASSWORD, mustChange: true };
  if (staged.kind === "hash") return { hash: staged.hash, mustChange: false };
  return { hash: await hashPassword(unseal(staged.sealed)), mustChange: false };
}
