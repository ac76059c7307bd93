/**
 * Checks a tenant-conf.json against WSO2's own tenant-config-schema.json (a copy in
 * wso2-tenant-config-schema.json, source noted there), the check APIM 4.x makes before it
 * accepts a tenant config. Ajv (JSON Schema draft-07, as the schema declares) does the work.
 */
import { Ajv } from "ajv";
import SCHEMA from "./wso2-tenant-config-schema.json" with { type: "json" };

// strict: false because WSO2's schema uses `additionalItems` next to a single `items` schema,
// which draft-07 allows (it has no effect) and Ajv's strict mode reports.
const validate = new Ajv({ strict: false, allErrors: true }).compile(SCHEMA);

/** Every violation as "JSON.path: message", in the same path notation the import uses; empty when valid. */
export function tenantConfigViolations(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = e.instancePath
      .split("/")
      .slice(1)
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
      .join("")
      .replace(/^\./, "");
    const detail = e.keyword === "required" ? `must have ${String(e.params.missingProperty)}` : (e.message ?? "is invalid");
    return path ? `${path}: ${detail}` : detail;
  });
}
