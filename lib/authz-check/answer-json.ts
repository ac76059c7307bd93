/**
 * The batch route's answer, `{"results":[…]}`, as the same text JSON.stringify would give, built
 * from one fragment per decision: a frozen decision (the not-granted answer shared by every
 * check of a node, ./compiled.ts) is serialized once per process instead of once per check.
 */
import type { AccessDecision } from "./compiled.ts";

const fragments = new WeakMap<AccessDecision, string>();

function decisionJson(decision: AccessDecision): string {
  if (!Object.isFrozen(decision)) return JSON.stringify(decision);
  let json = fragments.get(decision);
  if (json === undefined) fragments.set(decision, (json = JSON.stringify(decision)));
  return json;
}

export function decisionBatchJson(results: readonly AccessDecision[]): string {
  let json = '{"results":[';
  for (let i = 0; i < results.length; i++) json += (i === 0 ? "" : ",") + decisionJson(results[i]!);
  return `${json}]}`;
}

/** What Response.json would send for `{ results }`, from the text above. */
export function decisionBatchResponse(results: readonly AccessDecision[]): Response {
  return new Response(decisionBatchJson(results), { headers: { "content-type": "application/json" } });
}
