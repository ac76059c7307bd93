import crypto from "node:crypto";

/** Client secrets and refresh tokens: 256 random bits, stored as SHA-256 (no salt needed at that strength). */
export const newOpaqueSecret = () => crypto.randomBytes(32).toString("base64url");
export const hashSecret = (secret: string) => crypto.createHash("sha256").update(secret).digest("base64url");

export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(secret));
  const expected = Buffer.from(hash);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
