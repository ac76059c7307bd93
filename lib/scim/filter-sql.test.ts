import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { escapeLike, groupFilterSql, parseFilter, userFilterSql } from "./filter-sql.ts";
import { userOrder } from "./sort.ts";
import { DEFAULT_DIALECT } from "./dialect.ts";

const users = (filter: string) => userFilterSql(parseFilter(filter), DEFAULT_DIALECT);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { status: (error as AppError).status, scimType: (error as AppError).details?.scimType };
  }
  throw new Error("not refused");
};

describe("SCIM filters as SQL", () => {
  it("escapes LIKE's own characters, so %, _ and \\ are literal text", () => {
    expect(escapeLike(String.raw`50%_off\*`)).toBe(String.raw`50\%\_off\\*`);
    const co = users(String.raw`name.familyName co "a%b_c\\d*"`);
    expect(co.values).toContain(String.raw`%a\%b\_c\\d*%`);
    expect(co.sql).toContain(`ESCAPE '\\'`);
    expect(users('title sw "Dr"').values).toContain("dr%");
    expect(users('title ew "x"').values).toContain("%x");
  });

  it("binds every value as a parameter, never as SQL text", () => {
    const hostile = `x' OR '1'='1`;
    const where = users(`userName eq "${hostile.replace(/"/g, '\\"')}"`);
    expect(where.sql).not.toContain("OR '1'");
    expect(where.values).toContain(hostile.toLowerCase());
  });

  it("compares userName by its name key (case-insensitive), and a qualified name by its store too", () => {
    expect(users('userName eq "BJensen"').values).toEqual(["bjensen"]);
    const qualified = users('userName eq "SECONDARY/Bob"');
    expect(qualified.sql).toContain('upper(s."domain")');
    expect(qualified.values).toEqual(["SECONDARY", "bob"]);
  });

  it("probes claims with EXISTS on UserClaim (claim, value), and memberships on Membership", () => {
    const claim = users('name.givenName eq "Barbara"');
    expect(claim.sql).toMatch(/EXISTS \(SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = \?/);
    expect(claim.values).toEqual(["http://wso2.org/claims/givenname", "barbara"]);
    expect(users('phoneNumbers[type eq "mobile"]').values).toContain("http://wso2.org/claims/mobile");
    expect(users('groups.display eq "admin"').sql).toContain('FROM "Membership" m');
    expect(groupFilterSql(parseFilter('members.value eq "7"')).sql).toContain('m."roleId" = r."id"');
  });

  it("folds what it can decide alone: a type that no value has matches nothing", () => {
    expect(users('emails[type eq "pager"]').sql).not.toContain("1=1) AND");
    expect(users('meta.resourceType eq "User"').sql).toBe("1=1");
    expect(users('id eq "abc"').sql).toBe("1=0");
  });

  it("refuses bad syntax, unknown attributes, wrong types and deep nesting with 400 invalidFilter", () => {
    for (const filter of [
      'userName eq "x" and',
      "userName eq",
      'nosuch eq "x"',
      'ims[type eq "xmpp"]',
      'emails[nosuch eq "x"]',
      "title eq true",
      'active eq "yes"',
      'meta.created gt "soon"',
      'meta.created gt "0000-01-01T00:00:00Z"',
      'id co "1"',
      `${"not (".repeat(25)}title pr${")".repeat(25)}`,
      "x".repeat(5000),
      String.raw`title eq "\u0000"`,
      String.raw`title eq "\q"`,
    ]) {
      expect(
        refusal(() => users(filter)),
        filter,
      ).toEqual({ status: 400, scimType: "invalidFilter" });
    }
    expect(refusal(() => groupFilterSql(parseFilter('userName eq "x"')))).toEqual({ status: 400, scimType: "invalidFilter" });
  });

  it("sorts by known attributes only, missing values last", () => {
    expect(userOrder("userName", false, DEFAULT_DIALECT).sql).toBe('(u."usernameKey" IS NULL) ASC, u."usernameKey" ASC, u."id" ASC');
    expect(userOrder("name.familyName", true, DEFAULT_DIALECT).sql).toContain('FROM "UserClaim"');
    expect(refusal(() => userOrder("password", false, DEFAULT_DIALECT))).toEqual({ status: 400, scimType: "invalidPath" });
  });
});
