import { listOfAll, SCHEMAS } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/scim-error";

/** GET /scim2/Schemas (RFC 7644 4): static, no tenant data. */
export async function GET(): Promise<Response> {
  return scimJson(listOfAll(SCHEMAS));
}
