import { SCHEMAS } from "@/lib/scim/discovery";
import { scimJson, scimNotFound } from "@/lib/scim/scim-error";

/** GET /scim2/Schemas/{urn}: one schema. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = await params.then((p) => p.id).catch(() => "");
  const schema = SCHEMAS.find((s) => s.id.toLowerCase() === id.toLowerCase());
  return schema ? scimJson(schema) : scimNotFound(`No schema ${id}.`);
}
