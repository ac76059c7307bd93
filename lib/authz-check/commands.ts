import { defineCommand } from "../authz/command.ts";
import { checkAccess, checkAccessBatch } from "./check-access.ts";
import { ZAccessBatch, ZAccessCheck } from "../contracts/authz.ts";

// The decision API for other applications (/api/v1/authz/check[/batch]). Its path is hot: each
// command is one call into the per-tenant snapshot, at the authorization version the caller's
// session statement read in this same request (so a revocation applies on the next request).

const RULE = "None beyond the feature: any user of the caller's tenant.";

export const checkAccessCommand = defineCommand({
  feature: "authz.check",
  input: ZAccessCheck,
  rule: RULE,
  run: (client, principal, check) => checkAccess(client, principal.tenantId, check, { version: principal.authzVersion }),
});

export const checkAccessBatchCommand = defineCommand({
  feature: "authz.check",
  input: ZAccessBatch,
  rule: RULE,
  run: async (client, principal, input) => ({
    results: await checkAccessBatch(client, principal.tenantId, input.checks, { version: principal.authzVersion }),
  }),
});
