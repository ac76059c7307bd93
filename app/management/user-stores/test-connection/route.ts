import { MGMT_ROUTE } from "@/lib/management/errors";
import { testStoreCommand } from "@/lib/store-management/commands";
import { parseStoreInput } from "@/lib/store-management/store-input";
import { commandRoute } from "@/lib/transport/command-route";
import { ZConnectionTest } from "@/lib/contracts/user-stores";

/** Tests settings before they are saved (WSO2's userstores/test-connection). */
export const POST = commandRoute(testStoreCommand, {
  ...MGMT_ROUTE,
  body: ZConnectionTest,
  input: ({ body }) => parseStoreInput(testStoreCommand.input, body),
  reply: (outcome) => outcome,
});
