import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { ndjsonResponse } from "@/lib/http/ndjson";
import { bulkDeleteUsers } from "@/lib/users/bulk-delete-users";
import { ZBulkDelete } from "@/lib/contracts/authz";

/** Deletes the selected users in one transaction, streaming progress lines and then a summary. */
export const POST = defineRoute({ feature: "users.delete", body: ZBulkDelete }, async ({ body }, actor) =>
  ndjsonResponse((send) => bulkDeleteUsers(db(), actor, body.userIds, (p) => send({ type: "progress", ...p }))),
);
