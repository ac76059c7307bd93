import { describe, expect, it } from "vitest";
import { equalityFilter, escapeDnValue, escapeFilterValue } from "./ldap-escape.ts";

describe("LDAP escaping", () => {
  it("escapes the RFC 4515 filter specials and nothing else", () => {
    expect(escapeFilterValue("*)(uid=*")).toBe("\\2a\\29\\28uid=\\2a");
    expect(escapeFilterValue("a\\b\0c")).toBe("a\\5cb\\00c");
    expect(escapeFilterValue('Ünïcödé ,+="')).toBe('Ünïcödé ,+="');
    expect(equalityFilter("uid", "admin)(|(uid=*")).toBe("(uid=admin\\29\\28|\\28uid=\\2a)");
  });

  it("escapes the RFC 4514 DN specials, leading and trailing spaces, a leading # and NUL", () => {
    expect(escapeDnValue('a,b+c"d\\e<f>g;h=i')).toBe('a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h\\=i');
    expect(escapeDnValue(" lead")).toBe("\\ lead");
    expect(escapeDnValue("trail ")).toBe("trail\\ ");
    expect(escapeDnValue("a\\ ")).toBe("a\\\\\\ ");
    expect(escapeDnValue("#hash#")).toBe("\\#hash#");
    expect(escapeDnValue("nul\0")).toBe("nul\\00");
    expect(escapeDnValue("ناصر\u200F")).toBe("ناصر\u200F");
  });
});
