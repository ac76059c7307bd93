import { defineCommand } from "../authz/command.ts";
import { checkAccess, checkAccessBatch } from "./check-access.ts";
import { ZAccessBatch, ZAccessCheck } from "../contracts/authz.ts";

// The decision API for other applications (/api/v1/authz/check[/batch]). Its path is hot: each
// command is one call into the per-tenant cache, nothing more.

const RULE = "None beyond the feature: any user of the caller's tenant.";

export const checkAccessCommand = defineCommand({
  feature: "authz.check",
  input: ZAccessCheck,
  rule: RULE,
  run: (client, principal, check) => checkAccess(client, principal.tenantId, check),
});

export const checkAccessBatchCommand = defineCommand({
  feature: "authz.check",
  input: ZAccessBatch,
  rule: RULE,
  run: async (client, principal, input) => ({ results: await checkAccessBatch(client, principal.tenantId, input.checks) }),
});
