/**
 * The /scim2 handlers' mappings, shared by the Users and Groups routes: the list query or the
 * .search body onto a list command, and a path id onto a by-id command. A non-numeric id names
 * nothing (404), like another tenant's.
 */
import type { z } from "zod";
import type { ZScimListQuery, ZScimResourceQuery, ZScimSearchRequest } from "../contracts/scim.ts";
import { AppError } from "../errors.ts";
import { scimBase } from "./route-options.ts";

type ListQuery = z.output<typeof ZScimListQuery> | z.output<typeof ZScimSearchRequest>;

export function listInput(query: ListQuery, request: Request) {
  return {
    base: scimBase(request),
    filter: query.filter,
    sortBy: query.sortBy,
    sortOrder: query.sortOrder,
    startIndex: query.startIndex ?? 1,
    count: query.count ?? undefined,
    attributes: query.attributes,
    excludedAttributes: query.excludedAttributes,
    cursor: query.cursor,
  };
}

/** A path's id as a row id; one that cannot be a row id names nothing. */
export function resourceId(id: string, kind: "user" | "group"): number {
  if (!/^\d{1,10}$/.test(id) || Number(id) > 2_147_483_647) throw new AppError("NOT_FOUND", `No ${kind} with id ${id}.`);
  return Number(id);
}

export function byIdInput(id: string, query: z.output<typeof ZScimResourceQuery>, request: Request, kind: "user" | "group") {
  return { base: scimBase(request), id: resourceId(id, kind), attributes: query.attributes, excludedAttributes: query.excludedAttributes };
}
