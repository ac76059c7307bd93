import { recordAudit, SYSTEM_ACTOR } from "../audit/record.ts";
import { ConfigError } from "../config/load.ts";
import type { SecondaryStoreConfig } from "../config/secondary-stores.ts";
import type { Tx } from "../db/client.ts";
import { parseStoredSettings, redactSettings, sealSettings } from "../store-management/sealed-settings.ts";
import { unseal } from "../stores/secrets.ts";
import { seedClaimAttributes, settingsClaimMap } from "../user-stores/external/claim-map.ts";
import { SECRET_FIELDS, ZJdbcSettings, ZLdapSettings } from "../user-stores/external/settings.ts";

/**
 * Creates or updates the secondary stores gatehouse.toml lists (`[[user_store.secondary]]`).
 * A store the file no longer lists is left alone: it may have been added in the console.
 * A store whose settings are unchanged is not written, so a restart bumps no version.
 */
export async function ensureSecondaryStores(
  tx: Tx,
  tenantId: number,
  stores: readonly SecondaryStoreConfig[],
  created: string[],
): Promise<void> {
  for (const store of stores) {
    const existing = (await tx.userStore.findMany({ where: { tenantId } })).find((s) => s.domain.toUpperCase() === store.domain);
    if (!existing) {
      const row = await tx.userStore.create({
        data: {
          tenantId,
          domain: store.domain,
          kind: "secondary",
          type: store.type,
          readOnly: store.readOnly,
          description: store.description,
          enabled: store.enabled,
          settings: sealSettings(store.type, store.settings),
          sync: { create: {} },
        },
      });
      await seedClaimAttributes(tx, tenantId, row.id, settingsClaimMap(store.type, row.settings));
      await audit(tx, tenantId, "store.added", store, row.id, undefined, row.settings);
      created.push(`user store ${store.domain}`);
      continue;
    }
    if (existing.kind !== "secondary" || existing.type !== store.type) {
      throw new ConfigError(
        `gatehouse.toml: [[user_store.secondary]] ${store.domain}: a ${existing.type} store of that domain exists; its type cannot change.`,
      );
    }
    const same =
      existing.readOnly === store.readOnly &&
      existing.description === store.description &&
      existing.enabled === store.enabled &&
      JSON.stringify(plainSettings(store.type, existing.settings)) === JSON.stringify(store.settings);
    if (same) continue;
    const settings = sealSettings(store.type, store.settings);
    await tx.userStore.update({
      where: { id: existing.id },
      data: { readOnly: store.readOnly, description: store.description, enabled: store.enabled, settings, version: { increment: 1 } },
    });
    await audit(tx, tenantId, "store.edited", store, existing.id, existing.settings, settings);
  }
}

/** The stored settings with secrets opened, normalised by the schema so key order and defaults compare equal. */
function plainSettings(type: "ldap" | "jdbc", json: string | null): unknown {
  const raw = parseStoredSettings(json);
  for (const field of SECRET_FIELDS[type]) if (typeof raw[field] === "string") raw[field] = unseal(raw[field]);
  const parsed = (type === "ldap" ? ZLdapSettings : ZJdbcSettings).safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function audit(
  tx: Tx,
  tenantId: number,
  action: "store.added" | "store.edited",
  { domain, type }: SecondaryStoreConfig,
  id: number,
  before: string | null | undefined,
  after: string | null,
) {
  await recordAudit(tx, {
    tenantId,
    actor: SYSTEM_ACTOR,
    action,
    target: { type: "userStore", id, name: domain },
    before: before === undefined ? undefined : { settings: redactSettings(type, before), from: "gatehouse.toml" },
    after: { settings: redactSettings(type, after), from: "gatehouse.toml" },
  });
}
