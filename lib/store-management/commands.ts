import { defineCommand } from "../authz/command.ts";
import { addStore, ZAddStore } from "./add-store.ts";
import { deleteStore, storeDeletionImpact, ZDeleteStore } from "./delete-store.ts";
import { editStore, ZEditStore } from "./edit-store.ts";
import { setStoreEnabled, ZSetStoreEnabled } from "./set-store-enabled.ts";
import { ZStoreRef } from "./store-input.ts";
import { syncStoreNow, ZSyncStoreNow } from "./sync-store-now.ts";
import { testStore, ZTestStore } from "./test-store.ts";

// Every write on secondary user stores (WSO2's User Store Management), one command each.
// Transports expose them through lib/transport; the reads are in queries.ts.

export const addStoreCommand = defineCommand({
  feature: "stores.create",
  input: ZAddStore,
  rule: "The domain is new in the tenant and not a reserved one; secrets are sealed before they are stored.",
  run: addStore,
});

export const editStoreCommand = defineCommand({
  feature: "stores.update",
  input: ZEditStore,
  rule: "Secondary stores only; the domain and type stay; a blank secret keeps the stored one.",
  run: editStore,
});

export const setStoreEnabledCommand = defineCommand({
  feature: "stores.update",
  input: ZSetStoreEnabled,
  rule: "Secondary stores only; never the store of the actor's own account.",
  run: setStoreEnabled,
});

export const testStoreCommand = defineCommand({
  feature: "stores.update",
  input: ZTestStore,
  rule: "None beyond the feature: a test reads the directory and changes nothing.",
  run: testStore,
});

export const syncStoreNowCommand = defineCommand({
  feature: "stores.update",
  input: ZSyncStoreNow,
  rule: "An enabled secondary store; one sync at a time per store (its StoreSync lease).",
  run: (client, actor, input) => syncStoreNow(client, actor, input),
});

export const deleteStoreCommand = defineCommand({
  feature: "stores.delete",
  input: ZDeleteStore,
  rule: "The typed domain names the store; never the actor's own store or one holding the admin role.",
  run: deleteStore,
});

/** What a delete would remove, shown before the admin confirms. */
export const previewDeleteStoreCommand = defineCommand({
  feature: "stores.delete",
  input: ZStoreRef,
  rule: "None: a preview counts rows.",
  run: (client, actor, input) => storeDeletionImpact(client, actor.tenantId, input.id),
});
