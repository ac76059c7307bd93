import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { redactSettings } from "./sealed-settings.ts";

export type StoreSyncState = {
  state: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  usersSeen: number;
  groupsSeen: number;
  lastError: string | null;
};

/** A secondary store as the console, the API and the CLI show it; secrets are `{ set }` markers. */
export type StoreConfig = {
  id: number;
  domain: string;
  type: string;
  description: string;
  readOnly: boolean;
  enabled: boolean;
  version: number;
  settings: Record<string, unknown>;
  sync: StoreSyncState | null;
};

const SELECT = {
  id: true,
  domain: true,
  type: true,
  description: true,
  readOnly: true,
  enabled: true,
  version: true,
  settings: true,
  sync: { select: { state: true, startedAt: true, finishedAt: true, usersSeen: true, groupsSeen: true, lastError: true } },
} as const;

type Row = { [K in keyof StoreConfig]: K extends "settings" ? string | null : StoreConfig[K] };

function toConfig(row: Row): StoreConfig {
  return { ...row, settings: redactSettings(row.type, row.settings) };
}

/** The tenant's secondary stores, by domain. */
export async function listStoreConfigs(client: Pick<Db | Tx, "userStore">, tenantId: number): Promise<StoreConfig[]> {
  const rows = await client.userStore.findMany({ where: { tenantId, kind: "secondary" }, select: SELECT, orderBy: { domain: "asc" } });
  return rows.map(toConfig);
}

export async function getStoreConfig(client: Pick<Db | Tx, "userStore">, tenantId: number, id: number): Promise<StoreConfig> {
  const row = await client.userStore.findFirst({ where: { id, tenantId, kind: "secondary" }, select: SELECT });
  if (!row) throw new AppError("NOT_FOUND", "There is no such secondary user store.");
  return toConfig(row);
}

/** The stored row itself, secrets sealed: for writes and for opening its directory, never for a reply. */
export async function getStoreRow(client: Pick<Db | Tx, "userStore">, tenantId: number, id: number) {
  const row = await client.userStore.findFirst({ where: { id, tenantId, kind: "secondary" } });
  if (!row) throw new AppError("NOT_FOUND", "There is no such secondary user store.");
  return row;
}

/** The secondary store a path names by domain (case-insensitive), as the management API and CLI name it. */
export async function storeByDomain(
  client: Pick<Db | Tx, "userStore">,
  tenantId: number,
  domain: string,
): Promise<{ id: number; type: string }> {
  const rows = await client.userStore.findMany({ where: { tenantId, kind: "secondary" }, select: { id: true, type: true, domain: true } });
  const row = rows.find((r) => r.domain.toUpperCase() === domain.trim().toUpperCase());
  if (!row) throw new AppError("NOT_FOUND", `There is no secondary user store "${domain}".`);
  return { id: row.id, type: row.type };
}
