import { MGMT_ROUTE } from "@/lib/management/errors";
import { syncStoreNowCommand } from "@/lib/store-management/commands";
import { storeByDomain } from "@/lib/store-management/get-store";
import { commandRoute } from "@/lib/transport/command-route";

/** Refreshes the store's mirror now; 503 when the directory cannot answer. */
export const POST = commandRoute(syncStoreNowCommand, {
  ...MGMT_ROUTE,
  input: async ({ params }: { params: { domain: string } }, actor, client) => ({
    id: (await storeByDomain(client, actor.tenantId, params.domain)).id,
  }),
  reply: ({ domain, users, groups, created, updated, removed }) => ({ domain, status: "Synced", users, groups, created, updated, removed }),
});
