import { MGMT_ROUTE } from "@/lib/management/errors";
import { addStoreCommand } from "@/lib/store-management/commands";
import { listStoresQuery } from "@/lib/store-management/queries";
import { parseStoreInput } from "@/lib/store-management/store-input";
import { commandRoute } from "@/lib/transport/command-route";
import { ZNewStore } from "@/lib/contracts/user-stores";

/** The tenant's secondary user stores, secrets as `{set}` markers. */
export const GET = commandRoute(listStoresQuery, {
  ...MGMT_ROUTE,
  input: () => ({}),
  reply: (list) => ({ count: list.length, list }),
});

/** Adds a secondary store; its settings are validated by the store type's schema and its secrets sealed. */
export const POST = commandRoute(addStoreCommand, {
  ...MGMT_ROUTE,
  body: ZNewStore,
  input: ({ body }) => parseStoreInput(addStoreCommand.input, body),
  reply: ({ domain }) => ({ domain, status: "Added" }),
});
