import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { wso2Sha256 } from "../../testing/wso2-jdbc.ts";
import { EXTERNAL_PASSWORD_MARKER } from "./external/mirror-names.ts";
import { HASH_LIMITS, wso2Sha256Hash } from "./imported-hashes.ts";
import {
  classifyImportedPassword,
  hashPassword,
  isUnusablePassword,
  needsRehash,
  UNUSABLE_PASSWORD,
  validateImportedHash,
  verifyPassword,
} from "./password-hash.ts";

// Published vectors, each with its password. argon2i: the reference implementation's own tests
// (P-H-C/phc-winner-argon2, src/test.c: "password", salt "somesalt", t=2, 64 MiB; v=16 and v=19).
// argon2id: the same file. argon2d: made by Python's passlib over argon2-cffi (the reference C code),
// as a third-party test suite publishes it. bcrypt $2a$: OpenBSD's and Openwall crypt_blowfish's
// test vectors; $2b$: crypt_blowfish's; $2y$: the PHP manual's password_verify example.
const VECTORS = [
  { scheme: "argon2", password: "password", hash: "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA" },
  { scheme: "argon2", password: "password", hash: "$argon2i$m=65536,t=2,p=1$c29tZXNhbHQ$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ" },
  {
    scheme: "argon2",
    password: "password",
    hash: "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
  },
  {
    scheme: "argon2",
    password: "apple123",
    hash: "$argon2d$v=19$m=65536,t=4,p=4$PUfIWctZa611rpXSOicEAA$eUtgGpyO1+ylLPGhN8gvRXBXF+Zd97kQIZA7OgX4VIM",
  },
  { scheme: "bcrypt", password: "U*U", hash: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
  { scheme: "bcrypt", password: "", hash: "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s." },
  { scheme: "bcrypt", password: "U*U", hash: "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
  { scheme: "bcrypt", password: "rasmuslerdorf", hash: "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a" },
  // WSO2 (carbon-kernel): Base64(SHA-256(UTF-8(password + salt))). FIPS 180-2's second SHA-256
  // message, cut into a password and a 12-character base64 salt: its published digest, in Base64.
  {
    scheme: "wso2-sha256",
    password: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmn",
    hash: "$wso2-sha256$lmnomnopnopq$JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=",
  },
  // Unsalted (StoreSaltedPassword off): FIPS 180-2's "abc".
  { scheme: "wso2-sha256", password: "abc", hash: "$wso2-sha256$$ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=" },
] as const;

// An argon2id verification at Gatehouse's parameters (19 MiB, 2 passes) takes well over this anywhere.
const EQUALISED_MS = 5;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe("imported password hashes", () => {
  it.each(VECTORS)("verifies the $scheme vector $hash and refuses another password", async ({ scheme, password, hash }) => {
    expect(classifyImportedPassword(hash)).toEqual({ kind: "hashed", scheme });
    expect(validateImportedHash(hash)).toBeNull();
    expect(await verifyPassword(hash, password)).toBe(true);
    expect(await verifyPassword(hash, `${password}x`)).toBe(false);
    // argon2id at or above today's parameters stays; every other scheme is replaced at sign-in.
    expect(needsRehash(hash)).toBe(!hash.startsWith("$argon2id$"));
  });

  it("verifies WSO2 hashes computed as carbon-kernel does, with a random 16-byte salt and a non-ASCII password", async () => {
    const password = "pässwörd ✓ 密码";
    const salt = crypto.randomBytes(16).toString("base64");
    const stored = wso2Sha256Hash(salt, wso2Sha256(password, salt));
    expect(stored).toMatch(/^\$wso2-sha256\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(classifyImportedPassword(stored)).toEqual({ kind: "hashed", scheme: "wso2-sha256" });
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, password.normalize("NFD"))).toBe(false);
    // The salt is appended as text: the same digest under another salt, or none, fails.
    expect(await verifyPassword(wso2Sha256Hash(null, wso2Sha256(password, salt)), password)).toBe(false);
    expect(await verifyPassword(wso2Sha256Hash(null, wso2Sha256(password, "")), password)).toBe(true);
  });

  it("keeps Gatehouse's own argon2id: verified, and rehashed only when its parameters are below today's", async () => {
    const own = await hashPassword("s3cret");
    expect(classifyImportedPassword(own)).toEqual({ kind: "hashed", scheme: "argon2" });
    expect(await verifyPassword(own, "s3cret")).toBe(true);
    expect(needsRehash(own)).toBe(false);
    const imported = await bcrypt.hash("s3cret", 4);
    expect(await verifyPassword(imported, "s3cret")).toBe(true);
    expect(needsRehash(imported)).toBe(true);
  });

  it("takes anything that is not a well-formed hash of those schemes for a plain password", () => {
    for (const text of [
      "hunter2",
      "",
      " $2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
      "{SSHA}abc",
      "$1$salt$hash",
      "!",
      "$",
    ]) {
      expect(classifyImportedPassword(text), text).toEqual({ kind: "plain" });
      expect(validateImportedHash(text), text).toBeNull();
    }
  });

  it("refuses hash-like text it cannot verify, without repeating it: malformed, unsupported variants, excessive costs", () => {
    const bcryptTail = "CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    const argon2Tail = "c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA";
    const digest = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";
    const refused = [
      `$2x$05$${bcryptTail}`, // crypt_blowfish's buggy 8-bit variant: bcrypt libraries would verify it with the standard algorithm
      `$2$05$${bcryptTail}`,
      `$2b$05$${bcryptTail}x`,
      `$2b$03$${bcryptTail}`,
      `$2b$${HASH_LIMITS.bcrypt.maxCost + 1}$${bcryptTail}`,
      `$2b$+4$${bcryptTail}`,
      `$argon2id$v=19$m=${HASH_LIMITS.argon2.maxMemoryKiB * 2},t=2,p=1$${argon2Tail}`,
      `$argon2id$v=19$m=65536,t=${HASH_LIMITS.argon2.maxPasses + 1},p=1$${argon2Tail}`,
      `$argon2id$v=19$m=65536,t=2,p=1,keyid=AAAA$${argon2Tail}`,
      `$argon2id$v=18$m=65536,t=2,p=1$${argon2Tail}`,
      `$argon2id$v=19$m=65536,t=2,p=1$${argon2Tail}$extra`,
      `$argon2x$v=19$m=65536,t=2,p=1$${argon2Tail}`,
      `$wso2-sha256$c$${digest}`, // the salt is base64 text
      `$wso2-sha256$${"A".repeat(HASH_LIMITS.wso2Sha256.maxSaltChars + 4)}$${digest}`,
      `$wso2-sha256$$${digest.slice(1)}`,
      `$wso2-sha256$$${digest}$`,
      `$wso2-sha1$$qZk+NkcGgWq6PiVxeFDCbJzQ2J0=`,
    ];
    for (const text of refused) {
      const problem = validateImportedHash(text);
      expect(problem, text).toEqual(expect.any(String));
      expect(problem).not.toContain(text.slice(8));
      expect(classifyImportedPassword(text), text).toEqual({ kind: "plain" });
    }
  });

  it("never verifies a refused hash, though its library would accept it, and does not throw", async () => {
    // The "U*U" vector relabelled $2x$ (same result for ASCII): bcryptjs itself verifies it.
    expect(await verifyPassword("$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U")).toBe(false);
    expect(await verifyPassword("$2b$+4$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U")).toBe(false);
  });
});

describe("the unusable password", () => {
  it("never verifies, is never rehashed, and costs what an unknown user costs", async () => {
    expect(isUnusablePassword(UNUSABLE_PASSWORD)).toBe(true);
    expect(isUnusablePassword(EXTERNAL_PASSWORD_MARKER)).toBe(true);
    for (const password of ["", "!", UNUSABLE_PASSWORD, "anything at all"]) {
      const { value, ms } = await timed(() => verifyPassword(UNUSABLE_PASSWORD, password));
      expect(value).toBe(false);
      expect(ms).toBeGreaterThan(EQUALISED_MS);
    }
    expect(needsRehash(UNUSABLE_PASSWORD)).toBe(false);
    expect(needsRehash(EXTERNAL_PASSWORD_MARKER)).toBe(false);
  });

  it("treats every other unusable stored text the same way: empty, garbage, a truncated hash", async () => {
    const own = await hashPassword("s3cret");
    for (const stored of ["", "x", "not-usable", own.slice(0, -4), `${own}$`, "$2b$05$short"]) {
      const { value, ms } = await timed(() => verifyPassword(stored, "s3cret"));
      expect(value, stored).toBe(false);
      expect(ms).toBeGreaterThan(EQUALISED_MS);
    }
  });

  it("gives WSO2's quick SHA-256 check the time of an argon2id verification, as for unknown users", async () => {
    const stored = wso2Sha256Hash("", wso2Sha256("abc", ""));
    for (const password of ["abc", "wrong"]) {
      const { ms } = await timed(() => verifyPassword(stored, password));
      expect(ms).toBeGreaterThan(EQUALISED_MS);
    }
  });
});
