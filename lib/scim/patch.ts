/**
 * RFC 7644 3.5.2 PATCH, applied by scim-patch (the maintained implementation of its op and
 * path forms: attribute paths, sub-attributes, value filters, no-path merges) to a resource as
 * GET answers it. The writes then compare the patched resource with the stored one, so PATCH
 * and PUT end in the same commands and rules.
 */
import { scimPatch, ScimError, type ScimPatchOperation, type ScimResource } from "scim-patch";
import type { TScimPatchOp } from "../contracts/scim.ts";
import { caseInsensitiveFilters } from "./patch-filter-case.ts";
import { demoteFormerPrimaries } from "./patch-primary.ts";
import { scimError, type ScimType } from "./scim-error.ts";

const KNOWN: ReadonlySet<string> = new Set<ScimType>(["invalidPath", "invalidValue", "invalidSyntax", "noTarget", "mutability"]);

// scim-patch 0.8.3 walks a path's segments as plain property names, so "__proto__.x",
// "constructor.prototype.x" or "name.__proto__.x" write to Object.prototype (the whole process's
// objects). No SCIM attribute has these names: a path naming one, outside quoted filter values, is refused.
const PROTOTYPE_KEYS = /(?:^|[^A-Za-z0-9_$])(?:__proto__|constructor|prototype)(?![A-Za-z0-9_$])/i;

function assertSafePath(path: string | undefined): void {
  if (path === undefined) return;
  const unquoted = path.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (PROTOTYPE_KEYS.test(unquoted)) throw scimError("invalidPath", `${path} is not an attribute path.`);
}

/**
 * The resource's own spelling of its attribute names (and schema URNs), by lower case, and the
 * sub-attributes of its multi-valued attributes whose values compare exactly ("groups.$ref");
 * value filters on the others compare case-insensitively (RFC 7643 2.2 caseExact false).
 */
export type AttributeNames = { names: readonly string[]; urns: readonly string[]; caseExact?: readonly string[] };

const QUOTED_OR_NAME = /"(?:[^"\\]|\\.)*"|[A-Za-z_$][A-Za-z0-9_$]*/g;

function spelling({ names, urns, caseExact = [] }: AttributeNames, resource: object) {
  const exact = new Set(caseExact.map((p) => p.toLowerCase()));
  const isExact = (attribute: string, sub: string) => exact.has(`${attribute}.${sub}`.toLowerCase());
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const urnOf = (text: string) =>
    urns.find((u) => text.toLowerCase() === u.toLowerCase() || text.toLowerCase().startsWith(`${u.toLowerCase()}:`));
  const name = (key: string) => {
    const urn = urnOf(key);
    return urn ? urn + key.slice(urn.length) : (byLower.get(key.toLowerCase()) ?? key);
  };
  const path = (p: string) => {
    const urn = urnOf(p);
    const rest = urn ? p.slice(urn.length) : p;
    // Names outside quoted filter values take the resource's spelling; then filter values on
    // case-insensitive sub-attributes take the resource's spelling of the value they match.
    const named = rest.replace(QUOTED_OR_NAME, (m) => (m.startsWith('"') ? m : (byLower.get(m.toLowerCase()) ?? m)));
    return (urn ?? "") + caseInsensitiveFilters(named, resource, isExact);
  };
  const value = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(value);
    if (!v || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [name(k), value(x)]));
  };
  return { path, value };
}

/**
 * A patched copy of `resource`; the original is untouched. A bad op is 400 with scim-patch's
 * scimType. With `names`, attribute names in paths and value objects match case-insensitively,
 * and so do value filters' string values (patch-filter-case.ts). A value set primary demotes the
 * array's former primary (patch-primary.ts).
 */
export function applyScimPatch<T extends object>(resource: T, operations: TScimPatchOp["Operations"], names?: AttributeNames): T {
  for (const op of operations) assertSafePath(op.path);
  const spell = names ? spelling(names, resource) : undefined;
  const spelled = spell
    ? operations.map((op) => ({ ...op, ...(op.path === undefined ? {} : { path: spell.path(op.path) }), value: spell.value(op.value) }))
    : operations;
  try {
    const patched = scimPatch(structuredClone(resource) as unknown as ScimResource, spelled as ScimPatchOperation[], {
      mutateDocument: true,
      // RFC 7644 3.5.2.3: a value filter that selects nothing is noTarget, not an add (Azure AD's reading).
      treatMissingAsAdd: false,
    });
    return demoteFormerPrimaries(resource, patched as unknown as T);
  } catch (e) {
    if (!(e instanceof ScimError)) throw e;
    const type = e.scimCode && KNOWN.has(e.scimCode) ? (e.scimCode as ScimType) : "invalidValue";
    throw scimError(type, e.message);
  }
}
