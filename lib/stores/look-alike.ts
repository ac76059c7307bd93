import unhomoglyph from "unhomoglyph";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { nameKey, qualifiedName } from "../core/domains.ts";

/**
 * Unicode TR39's skeleton of a name's key: NFD, each character replaced by its prototype from
 * Unicode's confusables.txt (the unhomoglyph package carries the table), NFD again. Two names
 * with one skeleton look alike ("аdmin" with a Cyrillic а, "admin"; "rn" and "m"); keys already
 * fold case and compatibility forms, so "ＡＤＭＩＮ" and "𝕒𝕕𝕞𝕚𝕟" share it too.
 */
export function nameSkeleton(name: string): string {
  return unhomoglyph(nameKey(name).normalize("NFD")).normalize("NFD");
}

/** The name columns of a new user: every writer sets all three together. */
export function usernameColumns(username: string): { username: string; usernameKey: string; usernameSkeleton: string } {
  return { username, usernameKey: nameKey(username), usernameSkeleton: nameSkeleton(username) };
}

export type RoleNameColumns = { name: string; nameKey: string; nameSkeleton: string };

export function roleNameColumns(name: string): RoleNameColumns {
  return { name, nameKey: nameKey(name), nameSkeleton: nameSkeleton(name) };
}

type Store = { id: number; domain: string };
type Client = Pick<Db | Tx, "role">;

export function lookAlikeRefusal(kind: "user" | "role", wanted: string, existing: string, sameKey: boolean): AppError {
  const field = kind === "user" ? "username" : "name";
  if (sameKey) return new AppError("CONFLICT", `A ${kind} named ${existing} already exists.`, { field });
  return new AppError("CONFLICT", `"${wanted}" looks like the existing ${kind} "${existing}"; choose a clearly different name.`, { field });
}

/**
 * Refuses a role name that is, or looks like, another role's in its store, naming that role;
 * `exceptId` is the role being renamed. (Usernames are the user store's check: assertUsernameFree.)
 */
export async function assertRoleNameDistinct(
  client: Client,
  tenantId: number,
  store: Store,
  name: string,
  exceptId?: number,
): Promise<void> {
  const other = await client.role.findFirst({
    where: { tenantId, storeId: store.id, nameSkeleton: nameSkeleton(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, nameKey: true },
    orderBy: { id: "asc" },
  });
  if (!other) return;
  throw lookAlikeRefusal(
    "role",
    qualifiedName(store.domain, name),
    qualifiedName(store.domain, other.name),
    other.nameKey === nameKey(name),
  );
}
