import { SCIM_BULK_MAX_PAYLOAD, ZScimBulkRequest } from "@/lib/contracts/scim";
import { scimBulkCommand } from "@/lib/scim/bulk";
import { SCIM_ROUTE, SCIM_SCOPES, scimBase } from "@/lib/scim/route-options";
import { asScim, scimJson } from "@/lib/scim/scim-error";
import { commandRoute } from "@/lib/transport/command-route";

/**
 * POST /scim2/Bulk (RFC 7644 3.7): authenticated once, then every operation decided and run on
 * its own (lib/scim/bulk.ts). A body over maxPayloadSize is 413 tooMany before anything runs.
 */
export const POST = asScim(
  commandRoute(scimBulkCommand, {
    ...SCIM_ROUTE,
    scope: SCIM_SCOPES.bulk,
    body: ZScimBulkRequest,
    maxBodyBytes: SCIM_BULK_MAX_PAYLOAD,
    input: ({ body, request }) => ({ base: scimBase(request), failOnErrors: body.failOnErrors, operations: body.Operations }),
    reply: (answer) => scimJson(answer),
  }),
);
