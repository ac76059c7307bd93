/**
 * POST /client-registration/v0.17/register. As in WSO2, the registering user owns the client
 * and gets its Application/<clientName> role; registering the same name again as its owner
 * answers the same client, here with a new secret (only hashes are stored, so the old one
 * cannot be shown again, and it stops working). Another user's name is a conflict.
 */
import crypto from "node:crypto";
import { recordAudit } from "../audit/record.ts";
import type { Db, Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { cleanRoleName } from "../roles/role-input.ts";
import { APPLICATION, nameKey, qualifiedName, sameQualifiedName } from "../core/domains.ts";
import { findStore } from "../stores/list-stores.ts";
import { assertRoleNameDistinct, roleNameColumns } from "../stores/look-alike.ts";
import { clientGrants, type TRegisterClient } from "./dcr-input.ts";
import { hashSecret, newOpaqueSecret } from "./secrets.ts";

export type Registrant = { tenantId: number; userId: number; displayName: string };

export type RegisteredClient = {
  clientId: string;
  clientName: string;
  callBackURL: string;
  clientSecret: string;
  isSaasApplication: boolean;
  appOwner: string;
  jsonString: string;
  jsonAppAttribute: string;
  tokenType: string;
};

export async function registerClient(client: Db, who: Registrant, input: TRegisterClient, ip: string): Promise<RegisteredClient> {
  if (input.owner !== undefined && !(await isRegistrant(client, who, input.owner))) {
    throw new AppError("FORBIDDEN", "The owner must be the user who registers the client.");
  }
  const grants = clientGrants(input.grantType);
  if (grants.length === 0)
    throw new AppError("INVALID_INPUT", "None of the grant types is supported; use password, client_credentials or refresh_token.");
  const secret = newOpaqueSecret();
  const fields = {
    secretHash: hashSecret(secret),
    grantTypes: grants.join(" "),
    callbackUrl: input.callbackUrl ?? "",
    saasApp: input.saasApp ?? false,
  };
  try {
    const row = await client.$transaction((tx) => upsertClient(tx, who, input.clientName, fields, ip));
    return {
      clientId: row.clientId,
      clientName: row.name,
      callBackURL: row.callbackUrl,
      clientSecret: secret,
      isSaasApplication: row.saasApp,
      appOwner: who.displayName,
      jsonString: JSON.stringify({ grant_types: row.grantTypes, redirect_uris: row.callbackUrl, client_name: row.name }),
      jsonAppAttribute: "{}",
      tokenType: "JWT",
    };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A client named ${input.clientName} already exists.`);
    throw error;
  }
}

type ClientFields = { secretHash: string; grantTypes: string; callbackUrl: string; saasApp: boolean };

async function upsertClient(tx: Tx, who: Registrant, clientName: string, fields: ClientFields, ip: string) {
  const { tenantId } = who;
  const actor = { id: who.userId, name: who.displayName };
  const existing = await tx.oAuthClient.findUnique({ where: { tenantId_nameKey: { tenantId, nameKey: nameKey(clientName) } } });
  if (existing) {
    if (existing.ownerId !== who.userId) throw new AppError("CONFLICT", `A client named ${clientName} already exists.`);
    const row = await tx.oAuthClient.update({ where: { id: existing.id }, data: fields });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "oauth.client_secret_renewed",
      target: { type: "oauth_client", id: row.clientId, name: row.name },
      ip,
    });
    return row;
  }
  const store = await findStore(tx, tenantId, APPLICATION);
  const name = cleanRoleName(store, clientName);
  await assertRoleNameDistinct(tx, tenantId, store, name);
  const role = await tx.role.create({
    data: { tenantId, storeId: store.id, ...roleNameColumns(name), memberships: { create: { userId: who.userId } } },
  });
  const row = await tx.oAuthClient.create({
    data: {
      tenantId,
      clientId: crypto.randomBytes(20).toString("base64url"),
      name,
      nameKey: nameKey(name),
      ownerId: who.userId,
      roleId: role.id,
      ...fields,
    },
  });
  await recordAudit(tx, {
    tenantId,
    actor,
    action: "oauth.client_registered",
    target: { type: "oauth_client", id: row.clientId, name },
    after: { grantTypes: row.grantTypes, callbackUrl: row.callbackUrl, role: qualifiedName(APPLICATION, name) },
    ip,
  });
  return row;
}

/** Whether DCR's `owner` names the caller: as displayed, or as WSO2 names a tenant's user, "name@tenant". */
async function isRegistrant(client: Db, who: Registrant, owner: string): Promise<boolean> {
  if (sameQualifiedName(owner, who.displayName)) return true;
  const at = owner.lastIndexOf("@");
  if (at <= 0) return false;
  const tenant = await client.tenant.findUnique({ where: { id: who.tenantId }, select: { domain: true } });
  return owner.slice(at + 1).toLowerCase() === tenant?.domain && sameQualifiedName(owner.slice(0, at), who.displayName);
}
