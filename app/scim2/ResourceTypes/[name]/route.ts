import { RESOURCE_TYPES } from "@/lib/scim/discovery";
import { scimJson, scimNotFound } from "@/lib/scim/scim-error";

/** GET /scim2/ResourceTypes/{name}: User or Group. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  const name = await params.then((p) => p.name).catch(() => "");
  const type = RESOURCE_TYPES.find((t) => t.id.toLowerCase() === name.toLowerCase());
  return type ? scimJson(type) : scimNotFound(`No resource type ${name}.`);
}
