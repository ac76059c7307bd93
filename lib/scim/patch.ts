/**
 * RFC 7644 3.5.2 PATCH, applied by scim-patch (the maintained implementation of its op and
 * path forms: attribute paths, sub-attributes, value filters, no-path merges) to a resource as
 * GET answers it. The writes then compare the patched resource with the stored one, so PATCH
 * and PUT end in the same commands and rules.
 */
import { scimPatch, ScimError, type ScimPatchOperation, type ScimResource } from "scim-patch";
import type { TScimPatchOp } from "../contracts/scim.ts";
import { scimError, type ScimType } from "./scim-error.ts";

const KNOWN: ReadonlySet<string> = new Set<ScimType>(["invalidPath", "invalidValue", "invalidSyntax", "noTarget", "mutability"]);

/** A patched copy of `resource`; the original is untouched. A bad op is 400 with scim-patch's scimType. */
export function applyScimPatch<T extends object>(resource: T, operations: TScimPatchOp["Operations"]): T {
  try {
    const patched = scimPatch(structuredClone(resource) as unknown as ScimResource, operations as ScimPatchOperation[], {
      mutateDocument: true,
      // RFC 7644 3.5.2.3: a value filter that selects nothing is noTarget, not an add (Azure AD's reading).
      treatMissingAsAdd: false,
    });
    return patched as unknown as T;
  } catch (e) {
    if (!(e instanceof ScimError)) throw e;
    const type = e.scimCode && KNOWN.has(e.scimCode) ? (e.scimCode as ScimType) : "invalidValue";
    throw scimError(type, e.message);
  }
}
