import { defineCommand } from "../authz/command.ts";
import { addClaim, ZAddClaim } from "./add-claim.ts";
import { deleteClaim, ZDeleteClaim } from "./delete-claim.ts";
import { editClaim, ZEditClaim } from "./edit-claim.ts";

// Claim Management's writes, one command each; the reads are in queries.ts.

export const addClaimCommand = defineCommand({
  feature: "claims.manage",
  input: ZAddClaim,
  rule: "The URI is in the local dialect and new in the tenant; attributes name the tenant's user stores.",
  run: addClaim,
});

export const editClaimCommand = defineCommand({
  feature: "claims.manage",
  input: ZEditClaim,
  rule: "A claim of the tenant at the version the admin saw; the URI stays.",
  run: editClaim,
});

export const deleteClaimCommand = defineCommand({
  feature: "claims.manage",
  input: ZDeleteClaim,
  rule: "Custom claims only; when users hold values, the admin confirmed their exact number.",
  run: deleteClaim,
});
