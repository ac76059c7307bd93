import { ZBulkAssignRole } from "@/lib/contracts/authz";
import { commandRoute } from "@/lib/transport/command-route";
import { bulkAssignRoleCommand } from "@/lib/users/commands";

/** Gives one role to the selected users in one transaction, streaming progress lines and then a summary. */
export const POST = commandRoute(bulkAssignRoleCommand, { body: ZBulkAssignRole, input: ({ body }) => body, stream: true });
