import { defineCommand } from "../authz/command.ts";
import { getStoreConfig, listStoreConfigs } from "./get-store.ts";
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
