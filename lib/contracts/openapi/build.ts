/**
 * Builds an OpenAPI 3.1 document from a table of operations whose schemas are the contracts'
 * zod schemas, with zod 4's own JSON Schema output (z.toJSONSchema, draft 2020-12, which is
 * OpenAPI 3.1's schema dialect). Named schemas become components; every body an operation
 * names must be one of them, so a document never inlines a copy of a contract.
 */
import { z } from "zod";

type Json = Record<string, unknown>;
type Method = "get" | "post" | "put" | "patch" | "delete" | "head";

/** `media`: the answer's media types and their schemas, for an answer that is not JSON (a download); else `schema` as application/json. */
export type ApiResponse = { description: string; schema?: z.ZodType; media?: Record<string, z.ZodType>; headers?: Record<string, Json> };
export type Operation = {
  summary: string;
  description?: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  /** Path parameters: name -> description. */
  path?: Record<string, string>;
  /** Query parameters come from the object's fields (description from each field's meta). */
  query?: z.ZodObject;
  /** Header parameters, as written in the document. */
  headers?: Json[];
  body?: z.ZodType;
  bodyType?: "application/json" | "application/x-www-form-urlencoded";
  responses: Record<number, ApiResponse>;
};
export type ApiDocument = {
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  securitySchemes: Record<string, Json>;
  /** Component name -> schema. Request bodies are written as the input they accept, answers as their output. */
  schemas: Record<string, z.ZodType>;
  paths: Record<string, Partial<Record<Method, Operation>>>;
};

const ref = (name: string) => `#/components/schemas/${name}`;

/**
 * zod drops a `default` from the input side of anything that transforms, since a transform's
 * default is an output; a default declared in `.meta()` is what the server assumes when the
 * field is absent, so the document keeps it.
 */
const keepDeclaredDefault = ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Json }) => {
  const declared = z.globalRegistry.get(zodSchema)?.default;
  if (declared !== undefined) jsonSchema.default = declared;
};
const options = (io: "input" | "output") => ({
  io,
  target: "draft-2020-12" as const,
  unrepresentable: "throw" as const,
  override: keepDeclaredDefault,
});

/** Drops what a component does not need and the bounds zod adds to every `.int()` (safe integers). */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "$schema" || key === "$id") continue;
    if ((key === "maximum" && v === Number.MAX_SAFE_INTEGER) || (key === "minimum" && v === Number.MIN_SAFE_INTEGER)) continue;
    out[key] = tidy(v);
  }
  return out;
}

function components(api: ApiDocument): Record<string, unknown> {
  const requests = new Set<z.ZodType>();
  for (const item of Object.values(api.paths)) for (const op of Object.values(item)) if (op?.body) requests.add(op.body);
  const input = z.registry<{ id: string }>();
  const output = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(api.schemas)) (requests.has(schema) ? input : output).add(schema, { id });
  const convert = (registry: typeof input, io: "input" | "output") => z.toJSONSchema(registry, { ...options(io), uri: ref }).schemas;
  const all = { ...convert(input, "input"), ...convert(output, "output") };
  return Object.fromEntries(Object.keys(api.schemas).map((name) => [name, tidy(all[name])]));
}

function operation(op: Operation, nameOf: (schema: z.ZodType) => string): Json {
  const parameters: Json[] = [];
  for (const [name, description] of Object.entries(op.path ?? {}))
    parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } });
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    const { description, ...schema } = tidy(z.toJSONSchema(field as z.ZodType, options("input"))) as Json;
    parameters.push({ name, in: "query", required: !field.safeParse(undefined).success, description, schema });
  }
  parameters.push(...(op.headers ?? []));
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.schema ? { content: { "application/json": { schema: { $ref: ref(nameOf(r.schema)) } } } } : {}),
        ...(r.media
          ? {
              content: Object.fromEntries(
                Object.entries(r.media).map(([type, schema]) => [type, { schema: { $ref: ref(nameOf(schema)) } }]),
              ),
            }
          : {}),
      },
    ]),
  );
  return {
    ...(op.operationId ? { operationId: op.operationId } : {}),
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.security ? { security: op.security } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { [op.bodyType ?? "application/json"]: { schema: { $ref: ref(nameOf(op.body)) } } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI document, as the object written to public/openapi/. */
export function buildDocument(api: ApiDocument): Json {
  const names = new Map(Object.entries(api.schemas).map(([name, schema]) => [schema, name]));
  const nameOf = (schema: z.ZodType) => {
    const name = names.get(schema);
    if (!name) throw new Error(`${api.info.title}: an operation names a schema that is not among the document's schemas`);
    return name;
  };
  const paths = Object.fromEntries(
    Object.entries(api.paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, op]) => [method, operation(op!, nameOf)])),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: api.info,
    servers: api.servers,
    ...(api.security ? { security: api.security } : {}),
    paths,
    components: { securitySchemes: api.securitySchemes, schemas: components(api) },
  };
}
