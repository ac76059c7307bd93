import { decisionBatchResponse } from "@/lib/authz-check/answer-json";
import { checkAccessBatchCommand } from "@/lib/authz-check/commands";
import { AUTHZ_BATCH_ROUTE } from "@/lib/authz-check/route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** Many checks in one call: `{checks: [...]}` -> `{results: [...]}`, in the order asked. */
export const POST = commandRoute(checkAccessBatchCommand, {
  ...AUTHZ_BATCH_ROUTE,
  input: ({ body }) => body,
  reply: (answer) => decisionBatchResponse(answer.results),
});
