import { describe, expect, it } from "vitest";
import { checkState, toggle } from "./selection.ts";

const API = "/permission/admin/manage/api";

describe("permission tree selection", () => {
  it("checks a node and with it everything below", () => {
    const grants = toggle([], API);
    expect(grants).toEqual([API]);
    expect(checkState(grants, `${API}/create`)).toBe("checked");
    expect(checkState(grants, "/permission/admin/manage")).toBe("mixed");
    expect(checkState(grants, "/permission/admin/login")).toBe("unchecked");
  });

  it("replaces children with their parent when the parent is checked", () => {
    expect(toggle([`${API}/create`, `${API}/publish`], API)).toEqual([API]);
  });

  it("unchecks one child of a checked parent by granting its siblings instead", () => {
    expect(toggle([API], `${API}/publish`)).toEqual([`${API}/create`, `${API}/subscribe`]);
  });

  it("splits a grant several levels up, keeping everything else", () => {
    const grants = toggle(["/permission/admin/manage"], `${API}/create`);
    expect(checkState(grants, `${API}/create`)).toBe("unchecked");
    expect(checkState(grants, `${API}/publish`)).toBe("checked");
    expect(checkState(grants, "/permission/admin/manage/apim_admin")).toBe("checked");
    expect(checkState(grants, API)).toBe("mixed");
    expect(grants).not.toContain("/permission/admin/manage");
  });

  it("checks a mixed node fully", () => {
    expect(toggle([`${API}/create`], API)).toEqual([API]);
  });

  it("unchecks a directly granted node and its descendants", () => {
    expect(toggle([API, "/permission/admin/login"], API)).toEqual(["/permission/admin/login"]);
  });
});
