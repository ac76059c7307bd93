import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { ndjsonResponse } from "@/lib/http/ndjson";
import { bulkAssignRole } from "@/lib/users/bulk-assign-role";
import { ZBulkAssignRole } from "@/lib/contracts/authz";

/** Gives one role to the selected users in one transaction, streaming progress lines and then a summary. */
export const POST = defineRoute({ feature: "users.update", body: ZBulkAssignRole }, async ({ body }, actor) =>
  ndjsonResponse((send) => bulkAssignRole(db(), actor, body.roleId, body.userIds, (p) => send({ type: "progress", ...p }))),
);
