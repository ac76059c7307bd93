import { defineCommand } from "../authz/command.ts";
import { getStoreConfig, listStoreConfigs } from "./get-store.ts";
import { storeDeletionImpact } from "./delete-store.ts";
import { ZStoreRef } from "./store-input.ts";
import { z } from "zod";

// The reads of the User Stores page, the management API and the CLI. Secrets come back as `{ set }` markers.

export const listStoresQuery = defineCommand({
  feature: "stores.view",
  input: z.object({}),
  rule: "None: the tenant's secondary stores.",
  run: (client, actor) => listStoreConfigs(client, actor.tenantId),
});

export const getStoreQuery = defineCommand({
  feature: "stores.view",
  input: ZStoreRef,
  rule: "A secondary store of the actor's tenant.",
  run: (client, actor, input) => getStoreConfig(client, actor.tenantId, input.id),
});

/** The Add page: only who may add stores sees it. */
export const newStorePageQuery = defineCommand({
  feature: "stores.create",
  input: z.object({}),
  rule: "None: the empty form.",
  run: async () => ({}),
});

/** The Edit page: the store to edit, secrets as markers. */
export const editStorePageQuery = defineCommand({
  feature: "stores.update",
  input: ZStoreRef,
  rule: "A secondary store of the actor's tenant.",
  run: (client, actor, input) => getStoreConfig(client, actor.tenantId, input.id),
});

/** The Delete page: the store and what deleting it removes. */
export const deleteStorePageQuery = defineCommand({
  feature: "stores.delete",
  input: ZStoreRef,
  rule: "A secondary store of the actor's tenant.",
  run: async (client, actor, input) => ({
    store: await getStoreConfig(client, actor.tenantId, input.id),
    impact: await storeDeletionImpact(client, actor.tenantId, input.id),
  }),
});
