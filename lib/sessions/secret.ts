import crypto from "node:crypto";

/** A fresh 256-bit session secret. Only its hash is stored. */
export function newSessionSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function sessionIdFor(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("base64url");
}
