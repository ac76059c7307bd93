import type { Db } from "../lib/db/client.ts";
import type { Actor } from "../lib/authz/principal.ts";
import { createTenantCommand } from "../lib/tenants/commands.ts";
import { actorFor } from "./actor.ts";
import { seedUser } from "./seed.ts";

export const TENANT_PASSWORD = "a perfectly long password";

/** Runs a command as its transports do: the input parsed by the command's own schema, then run. */
export function runCommand<I, R>(
  command: { input: { parse: (v: unknown) => I }; run: (db: never, a: Actor, i: I, progress?: never) => Promise<R> },
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<R> {
  return Promise.resolve().then(() => command.run(db as never, actor, command.input.parse(input), (() => {}) as never));
}

/** A super-tenant admin (provisioning must have run). */
export async function superAdminActor(db: Db): Promise<Actor> {
  return actorFor(db, (await seedUser(db, { admin: true })).id);
}

/** Provisions a tenant through the real command and returns its admin (`admin`) as an actor. */
export async function provisionTenant(db: Db, superAdmin: Actor, domain: string): Promise<{ tenantId: number; admin: Actor }> {
  const { id } = await runCommand(createTenantCommand, db, superAdmin, {
    domain,
    adminUsername: "admin",
    password: TENANT_PASSWORD,
    firstName: "Ada",
    lastName: "Lovelace",
    email: `ada@${domain}`,
  });
  const admin = await db.user.findFirstOrThrow({ where: { tenantId: id, username: "admin" } });
  return { tenantId: id, admin: await actorFor(db, admin.id) };
}
