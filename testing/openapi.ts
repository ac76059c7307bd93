// Validates live responses against the published OpenAPI document, using zod's JSON Schema
// reader (OpenAPI 3.1 schemas are JSON Schema 2020-12), so the document is checked as written.
import fs from "node:fs";
import { z } from "zod";

type Json = Record<string, unknown>;
type Documented = {
  content?: Record<string, { schema: Json }>;
  headers?: Record<string, { required?: boolean; schema?: { pattern?: string } }>;
};
type Operation = { requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, Documented> };

export class OpenApiDocument {
  private readonly doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };

  constructor(file: string) {
    this.doc = JSON.parse(fs.readFileSync(file, "utf8"));
  }

  private operation(path: string, method: string): Operation {
    const operation = this.doc.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
    return operation;
  }

  private compile(schema: Json): z.ZodType {
    const rewrite = (value: Json) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/')) as Json;
    const defs = Object.fromEntries(Object.entries(this.doc.components.schemas).map(([k, v]) => [k, rewrite(v)]));
    return z.fromJSONSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", $defs: defs, ...rewrite(schema) } as Parameters<
      typeof z.fromJSONSchema
    >[0]);
  }

  /** Throws unless the status is documented for the operation, its required headers are present, and the JSON body (if documented) matches. */
  async assertResponse(path: string, method: string, response: Response): Promise<void> {
    const documented = this.operation(path, method).responses[String(response.status)];
    if (!documented) throw new Error(`${method} ${path} answered ${response.status}, which the document does not list`);
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = response.headers.get(name);
      if (header.required && value === null) throw new Error(`${method} ${path} ${response.status} lacks the required ${name} header`);
      if (value !== null && header.schema?.pattern && !new RegExp(header.schema.pattern).test(value))
        throw new Error(`${method} ${path} ${response.status}: ${name} "${value}" does not match ${header.schema.pattern}`);
    }
    const lines = documented.content?.["application/x-ndjson"]?.schema;
    if (lines && response.headers.get("content-type")?.startsWith("application/x-ndjson")) {
      for (const line of (await response.clone().text()).split("\n").filter(Boolean)) {
        const result = this.compile(lines).safeParse(JSON.parse(line));
        if (!result.success)
          throw new Error(`${method} ${path} ${response.status}: a line ${JSON.stringify(result.error.issues)}\n${line.slice(0, 500)}`);
      }
    }
    const schema = documented.content?.["application/json"]?.schema;
    if (!schema) return;
    const body: unknown = await response.clone().json();
    const result = this.compile(schema).safeParse(body);
    if (!result.success)
      throw new Error(
        `${method} ${path} ${response.status}: ${JSON.stringify(result.error.issues)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
  }

  /** Whether the documented request schema accepts a body. */
  acceptsRequest(path: string, method: string, body: unknown): boolean {
    const schema = this.operation(path, method).requestBody?.content["application/json"]?.schema;
    if (!schema) throw new Error(`${method} ${path} documents no JSON body`);
    return this.compile(schema).safeParse(body).success;
  }
}
