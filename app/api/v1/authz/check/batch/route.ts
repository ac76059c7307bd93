import { AUTHZ_BATCH_ROUTE } from "@/lib/authz-check/route-options";
import { checkAccessBatch } from "@/lib/authz-check/check-access";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";

/** Many checks in one call: `{checks: [...]}` -> `{results: [...]}`, in the order asked. */
export const POST = defineRoute(AUTHZ_BATCH_ROUTE, async ({ body }, { principal }) => ({
  results: await checkAccessBatch(db(), principal.tenantId, body.checks),
}));
