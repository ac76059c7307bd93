/**
 * The hot path for POST /api/v1/authz/check/batch's body: a hand-written check of what
 * ZAccessBatch (lib/contracts/authz.ts) accepts, without zod's per-object work or the generic
 * well-formedness walk over 1,000 objects. ZAccessBatch stays the definition: this answers only
 * when the body is certainly valid, with exactly zod's output, and otherwise returns undefined so
 * that the route's usual path (findMalformedText, then the schema) refuses it with its usual
 * message. batch-body.test.ts compares the two on a fuzzed set.
 */
import { MAX_BATCH, type TAccessBatch } from "../contracts/authz.ts";
import { isWellFormedText } from "../http/well-formed.ts";
import type { AccessCheck } from "./compiled.ts";

// The bounds of ZAccessCheck's strings; the user's apply after trimming, as zod's .trim() does.
const USER_MAX = 255;
const PERMISSION_MAX = 512;
const SCOPE_MAX = 255;

/** The body as ZAccessBatch would parse it, or undefined when the route's usual path must decide. */
export function fastAccessBatch(json: unknown): TAccessBatch | undefined {
  if (!isPlainObject(json) || ownKeyCount(json) !== 1) return undefined;
  const checks = json.checks;
  if (!Array.isArray(checks) || checks.length < 1 || checks.length > MAX_BATCH) return undefined;
  const parsed: AccessCheck[] = [];
  for (const item of checks) {
    const check = fastAccessCheck(item);
    if (check === undefined) return undefined;
    parsed.push(check);
  }
  return { checks: parsed };
}

function fastAccessCheck(item: unknown): AccessCheck | undefined {
  if (!isPlainObject(item) || ownKeyCount(item) !== 2) return undefined;
  const user = checkedUser(item.user);
  if (user === undefined) return undefined;
  const { permission, scope } = item;
  if (boundedText(permission, PERMISSION_MAX)) return user === item.user ? (item as AccessCheck) : { user, permission };
  if (boundedText(scope, SCOPE_MAX)) return user === item.user ? (item as AccessCheck) : { user, scope };
  return undefined;
}

/** The trimmed name, when zod would accept it. */
function checkedUser(value: unknown): string | undefined {
  if (typeof value !== "string" || !isWellFormedText(value)) return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= USER_MAX ? trimmed : undefined;
}

function boundedText(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= max && isWellFormedText(value);
}

// JSON.parse makes plain objects; anything else (or a polluted prototype) goes the usual way.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The number of enumerable keys, or -1 when one is inherited: then zod's strict check must decide. */
function ownKeyCount(value: object): number {
  let n = 0;
  for (const key in value)
    if (Object.hasOwn(value, key)) n++;
    else return -1;
  return n;
}
