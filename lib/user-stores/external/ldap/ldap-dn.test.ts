import { describe, expect, it } from "vitest";
import { normalizeDn } from "./ldap-dn.ts";

describe("normalizeDn", () => {
  it("gives the hex-escaped and the backslash-escaped spelling of a DN one form", () => {
    expect(normalizeDn("uid=back\\5Cslash,ou=people,dc=x")).toBe(normalizeDn("uid=back\\\\slash,ou=people,dc=x"));
    expect(normalizeDn("uid=comma\\2Cuser,ou=people")).toBe("uid=comma\\,user,ou=people");
    expect(normalizeDn("uid=trailing space\\20,ou=p")).toBe("uid=trailing space\\ ,ou=p");
    expect(normalizeDn("uid=\\C3\\9Cn\\C3\\AF,ou=p")).toBe("uid=Ünï,ou=p");
    expect(normalizeDn("CN=John Smith,OU=Users,DC=corp")).toBe("cn=John Smith,ou=Users,dc=corp");
    expect(normalizeDn("cn=a+sn=b\\+c,dc=x")).toBe("cn=a+sn=b\\+c,dc=x");
  });
});
