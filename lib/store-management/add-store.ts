import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db, Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { seedClaimAttributes, settingsClaimMap } from "../user-stores/external/claim-map.ts";
import { redactSettings, sealSettings } from "./sealed-settings.ts";
import type { TAddStore } from "./store-input.ts";

export { ZAddStore } from "./store-input.ts";

/** Adds a secondary store and its StoreSync row; its users appear once the first sync runs. */
export async function addStore(client: Db, actor: Actor, input: TAddStore): Promise<{ id: number; domain: string }> {
  const tenantId = actor.tenantId;
  const settings = sealSettings(input.type, input.settings);
  return client
    .$transaction(async (tx) => {
      await assertDomainFree(tx, tenantId, input.domain);
      const store = await tx.userStore.create({
        data: {
          tenantId,
          domain: input.domain,
          kind: "secondary",
          type: input.type,
          description: input.description,
          readOnly: input.readOnly,
          settings,
          sync: { create: {} },
        },
      });
      // The store's claimAttributes setting becomes its mappings on Settings › Claims.
      await seedClaimAttributes(tx, tenantId, store.id, settingsClaimMap(input.type, settings));
      await recordAudit(tx, {
        tenantId,
        actor: { id: actor.userId, name: actor.displayName },
        action: "store.added",
        target: { type: "userStore", id: store.id, name: store.domain },
        after: {
          type: input.type,
          readOnly: input.readOnly,
          description: input.description,
          settings: redactSettings(input.type, settings),
        },
        ip: actor.ip,
      });
      return { id: store.id, domain: store.domain };
    })
    .catch((error: unknown) => {
      // A concurrent add of the same domain committed first.
      if (isUniqueViolation(error)) throw domainTaken(input.domain);
      throw error;
    });
}

async function assertDomainFree(tx: Tx, tenantId: number, domain: string): Promise<void> {
  const existing = await tx.userStore.findMany({ where: { tenantId }, select: { domain: true } });
  if (existing.some((s) => s.domain.toUpperCase() === domain)) throw domainTaken(domain);
}

const domainTaken = (domain: string) =>
  new AppError("CONFLICT", `A user store with the domain ${domain} already exists.`, { field: "domain" });
