import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import { AppError } from "../errors.ts";
import { provision } from "../provisioning/provision.ts";
import { createRole } from "../roles/create-role.ts";
import { renameRole } from "../roles/rename-role.ts";
import { createUser } from "../users/create-user.ts";
import { nameKey, sameQualifiedName } from "../core/domains.ts";
import { nameSkeleton } from "./look-alike.ts";

// Cyrillic а, fullwidth, mathematical double-struck, and plain upper case.
const LOOK_ALIKES = ["\u0430dmin", "ａｄｍｉｎ", "𝕒𝕕𝕞𝕚𝕟", "ADMIN"];
const config = testConfig();

describe("name keys", () => {
  it("fold case fully and compatibility forms, so each of these is one name", () => {
    expect(nameKey("ＡＤＭＩＮ")).toBe("admin");
    expect(nameKey("𝕒𝕕𝕞𝕚𝕟")).toBe("admin");
    expect(nameKey("Straße")).toBe(nameKey("STRASSE"));
    expect(nameKey("ẞ")).toBe("ss");
    expect(nameKey("ſam")).toBe("sam");
    expect(nameKey("ﬀoo")).toBe("ffoo");
    expect(nameKey("\u212Aelvin")).toBe("kelvin");
    expect(nameKey("ΟΔΟΣ")).toBe(nameKey("οδος"));
    expect(sameQualifiedName("PRIMARY/ＡＤＭＩＮ", "admin")).toBe(true);
  });

  it("keep a Cyrillic а a different name: the skeleton is what catches it", () => {
    expect(nameKey("\u0430dmin")).not.toBe("admin");
    for (const name of LOOK_ALIKES) expect(nameSkeleton(name)).toBe(nameSkeleton("admin"));
    expect(nameSkeleton("rn")).toBe(nameSkeleton("m"));
    expect(nameSkeleton("admins")).not.toBe(nameSkeleton("admin"));
  });
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(await databaseKinds())("look-alike names on %s", (kind) => {
  let t: TestDatabase;
  let admin: Actor;
  const role = (name: string, domain = "PRIMARY") => createRole(t.db, admin, { domain, name, permissions: [], userIds: [] });
  const user = (username: string) =>
    createUser(t.db, admin, { domain: "PRIMARY", username, password: "a perfectly long password", roleIds: [] });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(() => t.drop());

  it("refuses a role that is or looks like the admin role, naming it, on the name field", async () => {
    for (const name of LOOK_ALIKES) {
      const error = await refusal(role(name));
      expect(error.code).toBe("CONFLICT");
      expect(error.details).toEqual({ field: "name" });
      // Fullwidth and mathematical letters have admin's very key; the Cyrillic а only its skeleton.
      expect(error.message).toBe(
        nameKey(name) === "admin"
          ? "A role named admin already exists."
          : `"${name}" looks like the existing role "admin"; choose a clearly different name.`,
      );
    }
    expect(await t.db.role.count({ where: { name: { in: LOOK_ALIKES } } })).toBe(0);
  });

  it("refuses a user that is or looks like the admin account, naming it, on the username field", async () => {
    for (const name of LOOK_ALIKES) {
      const error = await refusal(user(name));
      expect(error.code).toBe("CONFLICT");
      expect(error.details).toEqual({ field: "username" });
      expect(error.message).toBe(
        nameKey(name) === "admin"
          ? "A user named admin already exists."
          : `"${name}" looks like the existing user "admin"; choose a clearly different name.`,
      );
    }
    expect(await t.db.user.count({ where: { username: { in: LOOK_ALIKES } } })).toBe(0);
  });

  it("accepts a clearly different name, and the same look-alike in another store", async () => {
    await expect(role("admins_team")).resolves.toMatchObject({ qualified: "admins_team" });
    await expect(user("administrator")).resolves.toMatchObject({ qualified: "administrator" });
    await expect(role("ａｄｍｉｎ", "Internal")).resolves.toMatchObject({ qualified: "Internal/ａｄｍｉｎ" });
    // ...whose skeleton now guards that store too.
    expect((await refusal(role("\u0430dmin", "Internal"))).message).toBe(
      `"Internal/\u0430dmin" looks like the existing role "Internal/ａｄｍｉｎ"; choose a clearly different name.`,
    );
  });

  it("refuses names with characters that render as nothing (Hangul filler, combining grapheme joiner, variation selector)", async () => {
    for (const name of ["admin\u3164", "ad\u034Fmin", "a\uFE0Fdmin"]) {
      const error = await refusal(role(name));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.message).toBe("Role name contains invisible or control characters.");
      expect((await refusal(user(name))).message).toBe("Username contains invisible or control characters.");
    }
  });

  it("refuses renaming a role to a look-alike of another, but lets a role keep its own look", async () => {
    const { id } = await role("deployers");
    const version = async () => (await t.db.role.findUniqueOrThrow({ where: { id } })).version;
    const error = await refusal(renameRole(t.db, admin, { id, version: await version(), name: "\u0430dmin" }));
    expect(error.message).toBe(`"\u0430dmin" looks like the existing role "admin"; choose a clearly different name.`);
    expect(error.details).toEqual({ field: "name" });
    await expect(renameRole(t.db, admin, { id, version: await version(), name: "DEPLOYERS" })).resolves.toEqual({
      from: "deployers",
      to: "DEPLOYERS",
    });
    const renamed = await t.db.role.findUniqueOrThrow({ where: { id } });
    expect(renamed.nameSkeleton).toBe(nameSkeleton("deployers"));
  });

  it("finds a fullwidth or upper-case spelling of a name at sign-in as the same account", async () => {
    const seeded = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const fullwidth = [...seeded.username.toUpperCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join("");
    const result = await signInWithPassword(t.db, config, { username: fullwidth, password: seeded.password, kind: "console" });
    expect(result.ok).toBe(true);
  });
});
