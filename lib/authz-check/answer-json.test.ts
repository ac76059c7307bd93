import { describe, expect, it } from "vitest";
import { ZDecisionBatch } from "../contracts/authz.ts";
import { decisionBatchJson, decisionBatchResponse } from "./answer-json.ts";
import { compileMapping, compileRole, compileUser, decidePermission, decideScope, deny, type AccessDecision } from "./compiled.ts";

const LOGIN = "/permission/admin/login";

function decisions(): AccessDecision[] {
  const viewer = compileRole(1, 'PRIMARY/view "quoted" \u00e9', [LOGIN]);
  const admin = compileRole(2, "PRIMARY/admin", ["/permission"]);
  const user = compileUser(10, [viewer, admin]);
  const plain = compileUser(11, []);
  const mapping = compileMapping({
    tenantId: 1,
    version: 1,
    adminRoleId: null,
    scopes: [{ id: 1, name: "apim:api_view", description: "", tag: "", roleIds: new Set([2]) }],
    aliases: [{ roleId: 2, aliasRoleId: 1 }],
    roles: new Map([
      [1, { id: 1, name: viewer.name, kind: "internal" }],
      [2, { id: 2, name: admin.name, kind: "internal" }],
    ]),
  });
  return [
    decidePermission(user, LOGIN),
    decidePermission(plain, LOGIN),
    decidePermission(plain, LOGIN),
    decidePermission(plain, "/permission/admin"),
    decidePermission(user, "/no/such/node"),
    decideScope(user, "apim:api_view", mapping),
    decideScope(plain, "apim:api_view", mapping),
    decideScope(user, "apim:nope", mapping),
    deny("unknown-user", "No user line\nbreak \u2028 in this tenant."),
  ];
}

describe("decisionBatchJson", () => {
  it("gives the text JSON.stringify gives, also for shared frozen answers met again", () => {
    const results = decisions();
    expect(results.some((d) => Object.isFrozen(d))).toBe(true);
    const expected = JSON.stringify({ results });
    expect(decisionBatchJson(results)).toBe(expected);
    expect(decisionBatchJson(results)).toBe(expected);
    expect(decisionBatchJson([])).toBe('{"results":[]}');
  });

  it("answers JSON that the published answer schema accepts", async () => {
    const response = decisionBatchResponse(decisions());
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(ZDecisionBatch.safeParse(await response.json()).success).toBe(true);
  });
});
