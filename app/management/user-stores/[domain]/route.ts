import { MGMT_ROUTE } from "@/lib/management/errors";
import { deleteStoreCommand, editStoreCommand, setStoreEnabledCommand } from "@/lib/store-management/commands";
import { storeByDomain } from "@/lib/store-management/get-store";
import { getStoreQuery } from "@/lib/store-management/queries";
import { parseStoreInput } from "@/lib/store-management/store-input";
import { commandRoute } from "@/lib/transport/command-route";
import { ZStoreDeleteQuery, ZStoreEdit, ZStoreEnabled } from "@/lib/contracts/user-stores";

type Params = { domain: string };

/** One secondary store by domain. */
export const GET = commandRoute(getStoreQuery, {
  ...MGMT_ROUTE,
  input: async ({ params }: { params: Params }, actor, client) => ({ id: (await storeByDomain(client, actor.tenantId, params.domain)).id }),
  reply: (store) => store,
});

/** Saves description, read-only flag and settings; a blank or absent secret keeps the stored one. */
export const PUT = commandRoute(editStoreCommand, {
  ...MGMT_ROUTE,
  body: ZStoreEdit,
  input: async ({ params, body }: { params: Params; body: typeof ZStoreEdit._zod.output }, actor, client) => {
    const store = await storeByDomain(client, actor.tenantId, params.domain);
    return parseStoreInput(editStoreCommand.input, { ...body, id: store.id, type: store.type });
  },
  reply: ({ domain }) => ({ domain, status: "Updated" }),
});

/** Enables or disables a store: `{version, enabled}`. */
export const PATCH = commandRoute(setStoreEnabledCommand, {
  ...MGMT_ROUTE,
  body: ZStoreEnabled,
  input: async ({ params, body }: { params: Params; body: typeof ZStoreEnabled._zod.output }, actor, client) => ({
    ...body,
    id: (await storeByDomain(client, actor.tenantId, params.domain)).id,
  }),
  reply: ({ domain, enabled }) => ({ domain, status: enabled ? "Enabled" : "Disabled" }),
});

/** Deletes a store from Gatehouse (its mirrored users, groups and their sessions); the directory is untouched. */
export const DELETE = commandRoute(deleteStoreCommand, {
  ...MGMT_ROUTE,
  query: ZStoreDeleteQuery,
  input: async ({ params, query }: { params: Params; query: typeof ZStoreDeleteQuery._zod.output }, actor, client) => ({
    id: (await storeByDomain(client, actor.tenantId, params.domain)).id,
    version: query.version,
    domain: params.domain,
  }),
  reply: (impact) => ({ ...impact, status: "Deleted" }),
});
