import { MGMT_ROUTE } from "@/lib/management/errors";
import { testStoreCommand } from "@/lib/store-management/commands";
import { storeByDomain } from "@/lib/store-management/get-store";
import { commandRoute } from "@/lib/transport/command-route";

/** Tests a saved store's connection: each step with its result. A failed step is a 200 with `ok: false`. */
export const POST = commandRoute(testStoreCommand, {
  ...MGMT_ROUTE,
  input: async ({ params }: { params: { domain: string } }, actor, client) => ({
    id: (await storeByDomain(client, actor.tenantId, params.domain)).id,
  }),
  reply: (outcome) => outcome,
});
