import { SERVICE_PROVIDER_CONFIG } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/scim-error";

/** GET /scim2/ServiceProviderConfig (RFC 7644 4): static, no tenant data, no credentials needed. */
export async function GET(): Promise<Response> {
  return scimJson(SERVICE_PROVIDER_CONFIG);
}
