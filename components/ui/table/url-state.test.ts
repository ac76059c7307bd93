import { describe, expect, it } from "vitest";
import { filterHref, hrefFor, keptState, pageHref, rangeOf } from "./url-state.ts";

// The links the tables printed before the tables moved to TanStack and then to the server, so bookmarks and shared links keep working.
describe("table URLs", () => {
  const users = { q: "adm*", domain: undefined, claim: undefined, value: undefined, sort: "username", dir: "asc", size: "25" };

  it("a sort link keeps every filter in place and drops empty ones", () => {
    expect(hrefFor("/users", users, { sort: "username", dir: "desc" })).toBe("/users?q=adm*&sort=username&dir=desc&size=25");
    expect(hrefFor("/users", users, { sort: "domain", dir: "asc" })).toBe("/users?q=adm*&sort=domain&dir=asc&size=25");
  });

  it("keyset paging appends one cursor and never keeps the other", () => {
    const paging = { kind: "keyset", next: "n1", prev: "p1", shown: 25 } as const;
    expect(pageHref("/users", users, paging, "next")).toBe("/users?q=adm*&sort=username&dir=asc&size=25&after=n1");
    expect(pageHref("/users", { ...users, after: "old" }, paging, "prev")).toBe("/users?q=adm*&sort=username&dir=asc&size=25&before=p1");
    expect(pageHref("/roles/7", { q: undefined }, { ...paging, prev: null }, "prev")).toBeNull();
  });

  it("numbered paging sets page and size after the filters, and stops at both ends", () => {
    const state = { user: "ali" };
    expect(pageHref("/sessions", state, { kind: "offset", page: 2, size: 25, hasNext: true }, "next")).toBe(
      "/sessions?user=ali&page=3&size=25",
    );
    expect(pageHref("/sessions", state, { kind: "offset", page: 2, size: 25, hasNext: true }, "prev")).toBe(
      "/sessions?user=ali&page=1&size=25",
    );
    expect(pageHref("/audit", {}, { kind: "offset", page: 1, size: 25, hasNext: false }, "prev")).toBeNull();
    expect(pageHref("/audit", {}, { kind: "offset", page: 1, size: 25, hasNext: false }, "next")).toBeNull();
  });
});

// The filter binding (url-filters-binding.ts): the URL's keys, the form's GET and the first page.
describe("table filters in the URL", () => {
  const users = { q: "adm*", domain: "PRIMARY", claim: undefined, value: undefined, sort: "username", dir: "asc", size: "25" };

  it("a filter change keeps sort and size in place and starts again at the first page", () => {
    expect(filterHref("/users", { ...users, after: "cursor" }, { q: "bob*" })).toBe(
      "/users?q=bob*&domain=PRIMARY&sort=username&dir=asc&size=25",
    );
    expect(filterHref("/sessions", { user: "ali", page: "3", size: "25" }, { user: "bo" })).toBe("/sessions?user=bo&size=25");
    expect(filterHref("/users", users, { q: "", domain: "" })).toBe("/users?sort=username&dir=asc&size=25");
  });

  it("a filter form carries the rest of the state hidden, never a cursor, so its GET lands where the binding would", () => {
    const fields = ["q", "domain", "claim", "value", "size"];
    expect(keptState({ ...users, after: "cursor", page: "2" }, fields)).toEqual([
      ["sort", "username"],
      ["dir", "asc"],
    ]);
    const submitted = Object.fromEntries([...keptState(users, fields), ["q", "bob*"], ["size", "10"]]);
    expect(filterHref("/users", {}, submitted)).toBe("/users?sort=username&dir=asc&q=bob*&size=10");
  });

  it("a keyset list that knows its position carries it in the links and shows the range with the total", () => {
    const total = { count: 1_003_512, kind: "about" } as const;
    const first = { kind: "keyset", next: "n1", prev: null, shown: 25, start: 1, size: 25, total } as const;
    expect(rangeOf(first)).toBe("1–25 of about 1,000,000");
    expect(pageHref("/audit", { actor: "ann" }, first, "next")).toBe("/audit?actor=ann&after=n1&start=26");
    const second = { ...first, prev: "p2", start: 26 } as const;
    expect(rangeOf(second)).toBe("26–50 of about 1,000,000");
    expect(pageHref("/audit", { actor: "ann", start: "26", after: "n1" }, second, "prev")).toBe("/audit?actor=ann&before=p2&start=1");
    // A tampered start on the first page still reads from 1; a filter change starts over.
    expect(rangeOf({ ...first, start: 900 })).toBe("1–25 of about 1,000,000");
    expect(filterHref("/audit", { start: "26", after: "n1" }, { actor: "bob" })).toBe("/audit?actor=bob");
    expect(rangeOf({ ...first, shown: 7, next: null, total: { count: 7, kind: "exact" } })).toBe("1–7 of 7");
    expect(rangeOf({ ...first, shown: 0, total: { count: 0, kind: "exact" } })).toBe("0 of 0");
    expect(rangeOf({ ...first, shown: 25, total: { count: 1000, kind: "over" } })).toBe("1–25 of more than 1,000");
    expect(rangeOf({ kind: "keyset", next: null, prev: "p", shown: 3 })).toBeNull();
  });

  it("a numbered page shows its range when it knows how many rows it shows", () => {
    expect(rangeOf({ kind: "offset", page: 3, size: 25, hasNext: false, shown: 4 })).toBe("51–54");
    expect(rangeOf({ kind: "offset", page: 3, size: 25, hasNext: false })).toBeNull();
  });
});
