import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { ZScimPatchOp } from "../contracts/scim.ts";
import { USER_ATTRIBUTE_NAMES } from "./attribute-map.ts";
import { applyScimPatch } from "./patch.ts";

const user = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  id: "7",
  userName: "bjensen",
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  meta: { resourceType: "User", created: "2024-01-01T00:00:00Z", lastModified: "2024-01-01T00:00:00Z" },
};

const ops = (body: unknown) => ZScimPatchOp.parse(body).Operations;
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const NAMES = { names: USER_ATTRIBUTE_NAMES, urns: [user.schemas[0]!], caseExact: ["groups.$ref"] };
const patch = (...Operations: unknown[]) => applyScimPatch(user, ops({ schemas: [PATCH], Operations }), NAMES);

function scimTypeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return { ...(e as AppError).details, message: (e as AppError).message };
  }
  return "no error";
}

describe("applyScimPatch (RFC 7644 3.5.2)", () => {
  it("replaces a sub-attribute by path and leaves the original untouched", () => {
    const patched = applyScimPatch(user, ops({ schemas: [PATCH], Operations: [{ op: "Replace", path: "name.givenName", value: "Babs" }] }));
    expect(patched.name.givenName).toBe("Babs");
    expect(user.name.givenName).toBe("Barbara");
  });

  it("removes the values a filter selects (3.5.2.2)", () => {
    const patched = applyScimPatch(user, ops({ schemas: [PATCH], Operations: [{ op: "remove", path: 'emails[type eq "home"]' }] }));
    expect(patched.emails).toEqual([user.emails[0]]);
  });

  it("merges a value object when add has no path (3.5.2.1)", () => {
    const patched = applyScimPatch(user, ops({ schemas: [PATCH], Operations: [{ op: "add", value: { nickName: "Babs" } }] }));
    expect(patched).toMatchObject({ nickName: "Babs", userName: "bjensen" });
  });

  it("answers a filter matching nothing with noTarget, a SCIM 400", () => {
    const run = () =>
      applyScimPatch(user, ops({ schemas: [PATCH], Operations: [{ op: "replace", path: 'emails[type eq "other"].value', value: "x" }] }));
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (e) {
      expect((e as AppError).details).toMatchObject({ scimType: "noTarget" });
    }
  });

  it("refuses paths through __proto__, constructor or prototype (scim-patch would write Object.prototype)", () => {
    for (const path of [
      "__proto__.polluted",
      "constructor.prototype.polluted",
      "name.__proto__.polluted",
      'emails[type eq "work"].__proto__.x',
    ]) {
      for (const op of ["add", "replace"]) {
        expect(() => applyScimPatch(user, ops({ schemas: [PATCH], Operations: [{ op, path, value: "x" }] })), path).toThrow(AppError);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    // A quoted filter value may say anything.
    const quoted = ops({ schemas: [PATCH], Operations: [{ op: "replace", path: 'emails[value eq "constructor"].type', value: "x" }] });
    expect(() => applyScimPatch(user, quoted)).not.toThrow(/not an attribute path/);
  });

  it("demotes the former primary when a value is set primary (RFC 7644 3.5.2)", () => {
    const added = patch({ op: "add", path: "emails", value: [{ value: "b@example.com", type: "other", primary: true }] });
    expect(added.emails).toEqual([
      { ...user.emails[0], primary: false },
      user.emails[1],
      { value: "b@example.com", type: "other", primary: true },
    ]);
    const promoted = patch({ op: "replace", path: 'emails[type eq "home"].primary', value: true });
    expect(promoted.emails).toEqual([
      { ...user.emails[0], primary: false },
      { ...user.emails[1], primary: true },
    ]);
    // Re-sending the current primary changes nothing.
    expect(patch({ op: "replace", path: 'emails[type eq "work"].primary', value: true }).emails).toEqual(user.emails);
  });

  it("refuses two new primary values in one array (400 invalidValue naming it)", () => {
    const two = [
      { value: "b@example.com", type: "other", primary: true },
      { value: "c@example.com", primary: true },
    ];
    expect(scimTypeOf(() => patch({ op: "add", path: "emails", value: two }))).toMatchObject({
      scimType: "invalidValue",
      message: expect.stringMatching(/^emails:/),
    });
  });

  it("compares value filters' strings case-insensitively (type and value are caseExact false)", () => {
    expect(patch({ op: "replace", path: 'emails[type eq "Work"].value', value: "x@example.com" }).emails[0]).toMatchObject({
      value: "x@example.com",
      type: "work",
    });
    expect(patch({ op: "remove", path: 'Emails[Value eq "BABS@Jensen.ORG"]' }).emails).toEqual([user.emails[0]]);
    expect(patch({ op: "remove", path: 'emails[value co "JENSEN.ORG" or type sw "WO"]' }).emails).toBeUndefined();
    expect(patch({ op: "remove", path: 'emails[type ne "HOME"]' }).emails).toEqual([user.emails[1]]);
    expect(patch({ op: "replace", path: 'emails[type eq "HOME" and value ew ".ORG"].type', value: "other" }).emails[1]).toMatchObject({
      type: "other",
    });
    // Still nothing selected: noTarget, as before.
    expect(scimTypeOf(() => patch({ op: "replace", path: 'emails[type eq "Other"].value', value: "x" }))).toMatchObject({
      scimType: "noTarget",
    });
  });

  it("refuses bodies without the PatchOp schema, an unknown op, or remove without a path", () => {
    expect(ZScimPatchOp.safeParse({ schemas: [], Operations: [{ op: "add", value: {} }] }).success).toBe(false);
    expect(ZScimPatchOp.safeParse({ schemas: [PATCH], Operations: [{ op: "move", path: "a" }] }).success).toBe(false);
    expect(ZScimPatchOp.safeParse({ schemas: [PATCH], Operations: [{ op: "remove" }] }).success).toBe(false);
    expect(ZScimPatchOp.safeParse({ schemas: [PATCH], Operations: [] }).success).toBe(false);
  });
});
