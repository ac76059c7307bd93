import { db } from "../db/client.ts";

/** The settings row where provisioning stores the generated signing key. */
export const AUTH_SECRET_KEY = "auth.secret";

const holder = globalThis as unknown as { gatehouseAuthSecret?: string };

/**
 * The key that signs session cookies. NEXTAUTH_SECRET wins when set; otherwise provisioning
 * generated one and stored it in the database, so every instance signs with the same key.
 */
export async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!holder.gatehouseAuthSecret) {
    const row = await db().setting.findUnique({ where: { key: AUTH_SECRET_KEY } });
    if (!row) throw new Error("The session signing secret is missing: provisioning has not run.");
    holder.gatehouseAuthSecret = row.value;
  }
  return holder.gatehouseAuthSecret;
}
