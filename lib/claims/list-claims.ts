import { z } from "zod";
import type { Db } from "../db/client.ts";
import { fetchPage, ZPageParams, type Page } from "../paging.ts";

export const CLAIM_SORTS = ["order", "uri", "name"] as const;

/** The list's URL state; anything malformed falls back to the default. */
export const ZClaimListParams = ZPageParams.extend({
  sort: z.enum(CLAIM_SORTS).catch("order"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().trim().max(200).catch(""),
});
export type TClaimListParams = z.infer<typeof ZClaimListParams>;

export type ClaimRow = {
  id: number;
  uri: string;
  displayName: string;
  required: boolean;
  readOnly: boolean;
  supportedByDefault: boolean;
  displayOrder: number;
  builtIn: boolean;
};

const ORDER = {
  order: (dir: "asc" | "desc") => [{ displayOrder: dir }, { id: dir }],
  uri: (dir: "asc" | "desc") => [{ uri: dir }, { id: dir }],
  name: (dir: "asc" | "desc") => [{ displayName: dir }, { id: dir }],
} as const;

/** One page of the tenant's claims, sorted and searched in the database. */
export function listClaims(client: Db, tenantId: number, params: TClaimListParams): Promise<Page<ClaimRow>> {
  const search = params.q ? { OR: [{ uri: { contains: params.q } }, { displayName: { contains: params.q } }] } : {};
  return fetchPage(params, (skip, take) =>
    client.claim.findMany({
      where: { tenantId, ...search },
      orderBy: ORDER[params.sort](params.dir),
      skip,
      take,
      select: {
        id: true,
        uri: true,
        displayName: true,
        required: true,
        readOnly: true,
        supportedByDefault: true,
        displayOrder: true,
        builtIn: true,
      },
    }),
  );
}
