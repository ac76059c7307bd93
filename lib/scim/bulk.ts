/**
 * POST /scim2/Bulk (RFC 7644 3.7): each operation through its own command (bulk-table.ts),
 * decided by that command's feature and the token's scopes, in its own transaction(s): bulk is
 * not atomic, so one failing operation leaves the others applied. The request is authenticated
 * once by the route; every operation then runs as that actor.
 *
 * Order is WSO2 IS's: every /Users operation in request order, then every /Groups one, so a
 * group may name users created anywhere in the request. A bulkId reference ("bulkId:qwerty", in
 * the path or any string of the data) is replaced by the id its operation created; one naming no
 * operation, or one that has not created anything (later in the order, failed, or circular), fails
 * its operation with 409 invalidValue.
 */
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { decide } from "../authz/decide.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Actor } from "../authz/principal.ts";
import { operationRefusal } from "../authz/operation.ts";
import { SCIM_BULK_MAX_OPERATIONS, SCIM_BULK_RESPONSE, ZScimResourceQuery, type TScimBulkOperation } from "../contracts/scim.ts";
import type { Db } from "../db/client.ts";
import { AppError, ERROR_STATUS } from "../errors.ts";
import { BULK_TABLE, bulkData, type BulkEntry, type BulkTarget } from "./bulk-table.ts";
import { loadScimDialect, type ScimDialect } from "./dialect.ts";
import { resourceId } from "./handlers.ts";
import { SCIM_ERROR, scimError, scimErrorBody } from "./scim-error.ts";

const ALL_RESOURCES_SCOPE = "internal_bulk_resource_create";
const PATH = /^\/(Users|Groups)(?:\/([^/]+))?$/;
const BULK_ID = "bulkId:";

type Op = TScimBulkOperation;
type Answer = { method: Op["method"]; bulkId?: string; location?: string; version?: string; status: string; response?: unknown };

const ZBulkInput = z.object({
  base: z.string(),
  failOnErrors: z.number().int().min(1).optional(),
  operations: z.array(z.custom<Op>((v) => typeof v === "object" && v !== null)),
});

type Resource = "Users" | "Groups";
type Created = Map<string, { resource: Resource; id: string }>;
type Refs = { op: Op; created: Created; known: Set<string> };

/**
 * An operation's bulkId references replaced by the ids created so far. A reference must name a
 * resource of the kind it stands for: the path's, and in data a user (a group's members are
 * users here), so a group's id is never read as a user's that happens to share the number.
 */
function resolve<T>(value: T, want: Resource, refs: Refs): T {
  if (typeof value === "string" && value.startsWith(BULK_ID)) {
    const ref = value.slice(BULK_ID.length);
    const made = refs.created.get(ref);
    if (made?.resource === want) return made.id as T;
    const why = made
      ? `names a ${made.resource === "Users" ? "user" : "group"}, not a ${want === "Users" ? "user" : "group"}`
      : !refs.known.has(ref)
        ? "names no operation of this request"
        : ref === refs.op.bulkId
          ? "is this operation's own"
          : "has created nothing before this operation (it comes later, failed, or refers back here)";
    throw new AppError("CONFLICT", `The reference ${value} ${why}.`, { scimType: "invalidValue" });
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, want, refs)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, want, refs)])) as T;
  }
  return value;
}

function route(op: Op): { entry: BulkEntry; resource: Resource; id: string | undefined; query: string | undefined } {
  // Only a GET's path may carry a query (its projection, as IS reads it).
  const [path = "", query] = op.method === "GET" ? op.path.split(/\?(.*)/s, 2) : [op.path];
  const match = PATH.exec(path);
  if (!match) throw scimError("invalidPath", `${op.path} is not /Users, /Groups, /Users/{id} or /Groups/{id}.`);
  const [, resource, id] = match;
  const entry = BULK_TABLE[`${op.method} ${resource}${id === undefined ? "" : "/id"}`];
  if (!entry) throw scimError("invalidPath", `${op.method} ${op.path} is not an operation bulk runs.`);
  return { entry, resource: resource as Resource, id, query };
}

/** A GET's attributes/excludedAttributes: from its path's query, else from its data (IS takes both). */
function projectionOf(query: string | undefined, data: Record<string, unknown>): BulkTarget["projection"] {
  const params = new URLSearchParams(query ?? "");
  const pick = (name: "attributes" | "excludedAttributes") => params.get(name) ?? data[name] ?? undefined;
  return bulkData(ZScimResourceQuery, { attributes: pick("attributes"), excludedAttributes: pick("excludedAttributes") });
}

async function runOne(client: Db, actor: Actor, base: string, dialect: () => Promise<ScimDialect>, refs: Refs) {
  const { op } = refs;
  const { entry, resource, id, query } = route(op);
  const refused = operationRefusal(actor, entry.feature, [ALL_RESOURCES_SCOPE, entry.scope]);
  if (refused) throw new AppError(refused.code, refused.reason);
  const rowId = id === undefined ? 0 : resourceId(resolve(id, resource, refs), resource === "Users" ? "user" : "group");
  const data = resolve(op.data ?? {}, "Users", refs);
  const projection = op.method === "GET" ? projectionOf(query, data) : {};
  const done = await entry.run(client, actor, { base, id: rowId, data, version: op.version ?? null, projection, dialect });
  if (op.bulkId !== undefined && done.status === 201 && done.location) {
    refs.created.set(op.bulkId, { resource, id: done.location.slice(done.location.lastIndexOf("/") + 1) });
  }
  return done;
}

/**
 * The features behind the table's writes. PUT and PATCH on Users are routed by users.list (their
 * answer is the user) and decide each changed attribute's feature inside, so they are named here.
 */
const WRITES: readonly FeatureKey[] = [
  "users.create",
  "users.profile",
  "users.accountState",
  "users.password",
  "users.delete",
  "roles.create",
  "roles.update",
  "roles.delete",
];

/**
 * A request with writes is refused whole (403) when the actor may make none of bulk's writes, as
 * IS does; a request of reads only is decided per operation.
 */
function mayWriteAny(actor: Actor, operations: readonly Op[]): void {
  if (operations.every((o) => o.method === "GET")) return;
  const decisions = WRITES.map((f) => decide(actor, f));
  const first = decisions[0]!;
  if (first.allowed || decisions.some((d) => d.allowed)) return;
  const reason = first.code === "FORBIDDEN" ? "You do not have permission to add, change or delete users or groups." : first.reason;
  throw new AppError(first.code, reason);
}

/**
 * A failed operation's answer. An error that is not an AppError is a fault of the server: it is
 * logged and answered 500 for that operation alone (RFC 7644 3.7.3 gives each operation its own
 * status), so the answers of the operations already applied are not lost to a 500 for the whole
 * request, and a client does not retry them blind.
 */
function failedAnswer(op: Op, error: unknown): { status: string; response: unknown } {
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code];
    return {
      status: String(status),
      response: scimErrorBody({ status, code: error.code, message: error.message, details: error.details }),
    };
  }
  console.error(`[gatehouse] SCIM bulk operation ${op.method} ${op.path} failed:`, error);
  const detail = "The operation failed on the server. Read the resource before retrying it.";
  return { status: "500", response: { schemas: [SCIM_ERROR], status: "500", detail } };
}

export const scimBulkCommand = defineCommand({
  feature: "self",
  input: ZBulkInput,
  rule:
    "Each operation as its own command decides it (feature, scope, object rules); " +
    "bulkId references resolve to ids created earlier in the same request.",
  run: async (client, actor, { base, failOnErrors, operations }) => {
    if (operations.length > SCIM_BULK_MAX_OPERATIONS) {
      throw new AppError("PAYLOAD_TOO_LARGE", `A bulk request takes at most ${SCIM_BULK_MAX_OPERATIONS} operations.`, {
        scimType: "tooMany",
      });
    }
    mayWriteAny(actor, operations);
    const ordered = [...operations.filter((o) => !o.path.startsWith("/Groups")), ...operations.filter((o) => o.path.startsWith("/Groups"))];
    const known = new Set(operations.flatMap((o) => (o.bulkId === undefined ? [] : [o.bulkId])));
    const created: Created = new Map();
    let dialect: Promise<ScimDialect> | undefined;
    const tenantDialect = () => (dialect ??= loadScimDialect(client, actor.tenantId));
    const answers: Answer[] = [];
    let errors = 0;
    for (const op of ordered) {
      if (failOnErrors !== undefined && errors >= failOnErrors) break;
      const head = { method: op.method, ...(op.bulkId === undefined ? {} : { bulkId: op.bulkId }) };
      try {
        const done = await runOne(client, actor, base, tenantDialect, { op, created, known });
        const read = done.response === undefined ? {} : { response: done.response };
        answers.push({ ...head, location: done.location, version: done.version, status: String(done.status), ...read });
      } catch (error) {
        errors += 1;
        answers.push({ ...head, ...failedAnswer(op, error) });
      }
    }
    return { schemas: [SCIM_BULK_RESPONSE], Operations: answers };
  },
});
