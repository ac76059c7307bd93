import type { Tx } from "../db/client.ts";
import { newSessionSecret, sessionIdFor } from "./secret.ts";

export type NewSession = {
  tenantId: number;
  userId: number;
  kind: "console" | "api" | "oauth";
  lifetimeMs: number;
  ip?: string;
  userAgent?: string;
  /** An OAuth2 grant signs its access token before the row exists, so it brings its own secret. */
  secret?: string;
};

/** Records a session and returns its secret, which goes to the client and nowhere else. */
export async function createSession(tx: Pick<Tx, "session">, input: NewSession): Promise<{ secret: string; id: string }> {
  const secret = input.secret ?? newSessionSecret();
  const id = sessionIdFor(secret);
  await tx.session.create({
    data: {
      id,
      tenantId: input.tenantId,
      userId: input.userId,
      kind: input.kind,
      expiresAt: new Date(Date.now() + input.lifetimeMs),
      ip: input.ip ?? "",
      userAgent: (input.userAgent ?? "").slice(0, 300),
    },
  });
  return { secret, id };
}
