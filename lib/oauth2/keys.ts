/**
 * The installation's token signing key: an ES256 key pair made on first use and kept in a
 * `Setting` row, so every instance signs with, and publishes, the same key. The public half is
 * served at /oauth2/jwks under its RFC 7638 thumbprint as `kid`.
 */
import * as jose from "jose";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";

export const SIGNING_KEY_SETTING = "oauth2.signing_key";
export const ALG = "ES256";

type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: jose.JWK };
const holder = globalThis as unknown as { gatehouseOAuthKeys?: Map<Db, Promise<SigningKey>> };

export function signingKey(client: Db): Promise<SigningKey> {
  holder.gatehouseOAuthKeys ??= new Map();
  let key = holder.gatehouseOAuthKeys.get(client);
  if (!key) {
    key = loadOrCreate(client);
    holder.gatehouseOAuthKeys.set(client, key);
    key.catch(() => holder.gatehouseOAuthKeys?.delete(client));
  }
  return key;
}

async function loadOrCreate(client: Db): Promise<SigningKey> {
  const row = await client.setting.findUnique({ where: { key: SIGNING_KEY_SETTING } });
  if (row) return fromJwk(JSON.parse(row.value) as jose.JWK);
  const { privateKey } = await jose.generateKeyPair(ALG, { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  try {
    await client.setting.create({ data: { key: SIGNING_KEY_SETTING, value: JSON.stringify(jwk) } });
    return fromJwk(jwk);
  } catch (error) {
    // Another instance made one first: everybody uses that one.
    if (!isUniqueViolation(error)) throw error;
    const winner = await client.setting.findUniqueOrThrow({ where: { key: SIGNING_KEY_SETTING } });
    return fromJwk(JSON.parse(winner.value) as jose.JWK);
  }
}

async function fromJwk(jwk: jose.JWK): Promise<SigningKey> {
  const { d: _private, ...publicPart } = jwk;
  const kid = await jose.calculateJwkThumbprint(publicPart);
  const privateKey = (await jose.importJWK(jwk, ALG)) as CryptoKey;
  return { kid, privateKey, publicJwk: { ...publicPart, kid, alg: ALG, use: "sig" } };
}

/** GET /oauth2/jwks. */
export async function jwks(client: Db): Promise<{ keys: jose.JWK[] }> {
  return { keys: [(await signingKey(client)).publicJwk] };
}
