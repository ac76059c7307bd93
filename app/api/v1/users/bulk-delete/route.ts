import { ZBulkDelete } from "@/lib/contracts/authz";
import { commandRoute } from "@/lib/transport/command-route";
import { bulkDeleteUsersCommand } from "@/lib/users/commands";

/** Deletes the selected users in one transaction, streaming progress lines and then a summary. */
export const POST = commandRoute(bulkDeleteUsersCommand, { body: ZBulkDelete, input: ({ body }) => body, stream: true });
