import { listOfAll, RESOURCE_TYPES } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/scim-error";

/** GET /scim2/ResourceTypes (RFC 7644 4): static, no tenant data. */
export async function GET(): Promise<Response> {
  return scimJson(listOfAll(RESOURCE_TYPES));
}
