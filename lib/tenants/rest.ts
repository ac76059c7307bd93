/**
 * The WSO2 IS Tenant Management API's shapes (lib/contracts/tenants.ts), mapped from the
 * tenant commands' answers; the routes are app/api/server/v1/tenants.
 */
import type { z } from "zod";
import type { ZTenantResponseModel, ZTenantsListResponse } from "../contracts/tenants.ts";
import { isRowId } from "../db/row-id.ts";
import type { TenantList, TenantRow } from "./list-tenants.ts";
import { tenantNotFound } from "./super-tenant.ts";

export const TENANTS_PATH = "/api/server/v1/tenants";

/** A path's tenant id; anything that is not one answers as an unknown tenant. */
export function tenantIdParam(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !isRowId(id)) throw tenantNotFound();
  return id;
}

export function tenantModel(row: TenantRow): z.input<typeof ZTenantResponseModel> {
  return {
    id: String(row.id),
    domain: row.domain,
    owners: row.owners.map((o) => ({ id: String(o.id), username: o.username })),
    createdDate: row.createdAt.toISOString(),
    lifecycleStatus: { activated: row.active },
  };
}

export function tenantList(list: TenantList): z.input<typeof ZTenantsListResponse> {
  const link = (offset: number, rel: string) => ({ href: `${TENANTS_PATH}?offset=${offset}&limit=${list.limit}`, rel });
  const links = [];
  if (list.offset + list.rows.length < list.total) links.push(link(list.offset + list.limit, "next"));
  if (list.offset > 0) links.push(link(Math.max(0, list.offset - list.limit), "previous"));
  return {
    totalResults: list.total,
    startIndex: list.offset + 1,
    count: list.rows.length,
    links,
    tenants: list.rows.map(tenantModel),
  };
}
