import type { Entry } from "ldapts";
import { describe, expect, it } from "vitest";
import { guidBytes, guidText, ldapIds } from "./ldap-ids.ts";

// Active Directory stores objectGUID as 16 bytes whose first three fields are little-endian.
const BYTES = Buffer.from("0403020106050807090a0b0c0d0e0f10", "hex");
const TEXT = "01020304-0506-0708-090a-0b0c0d0e0f10";

describe("LDAP entry ids", () => {
  it("renders objectGUID as GUID text and back, and filters on its escaped bytes", () => {
    expect(guidText(BYTES)).toBe(TEXT);
    expect(guidBytes(TEXT)).toEqual(BYTES);
    expect(guidBytes(`{${TEXT.toUpperCase()}}`)).toEqual(BYTES);
    const ids = ldapIds("objectGUID");
    expect(ids.of({ dn: "CN=Ada,DC=corp", objectGUID: BYTES } as Entry)).toBe(TEXT);
    expect(ids.filter(TEXT)).toBe("(objectGUID=\\04\\03\\02\\01\\06\\05\\08\\07\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10)");
    expect(ids.filter("not-a-guid*)")).toBeNull();
  });

  it("falls back to the DN when the server returns no id, and escapes ids in filters", () => {
    const ids = ldapIds("entryUUID");
    expect(ids.of({ dn: "uid=ada,ou=people,dc=test" } as Entry)).toBe("uid=ada,ou=people,dc=test");
    expect(ids.of({ dn: "uid=ada,ou=people,dc=test", entryUUID: "0f1e..." } as Entry)).toBe("0f1e...");
    expect(ids.filter("*)(uid=*")).toBe("(entryUUID=\\2a\\29\\28uid=\\2a)");
  });
});
