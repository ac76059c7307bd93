import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { formList } from "../forms.ts";
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { getRoles } from "../roles/get-role.ts";
import { assertRoleRule } from "../roles/role-rules.ts";
import { qualifiedName } from "../core/domains.ts";
import { assertWritable, findStore } from "../stores/list-stores.ts";
import { userStoreFor } from "../user-stores/user-store-for.ts";
import { usernameSchema } from "../stores/name-rules.ts";
import { passwordSchema } from "./password-policy.ts";
import { firstIssue } from "../core/zod-issues.ts";

export function ZCreateUser(policy: TGatehouseConfig["password_policy"]) {
  return z
    .object({
      domain: z.string().min(1).max(64),
      username: z.string().max(1024),
      password: passwordSchema(policy),
      confirmPassword: z.string(),
      roleIds: formList(ZFormId, 100),
    })
    .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });
}
/** The write's input: the form's fields without the confirmation, which only a form asks for. */
export type TNewUser = Omit<z.infer<ReturnType<typeof ZCreateUser>>, "confirmPassword">;

/** Add New User: the account and its initial roles in one transaction. */
export async function createUser(client: Db, actor: Actor, input: TNewUser): Promise<{ id: number; qualified: string }> {
  const tenantId = actor.principal.tenantId;
  const store = await findStore(client, tenantId, input.domain);
  const users = userStoreFor(store);
  assertWritable(store);
  const parsed = usernameSchema(store).safeParse(input.username);
  if (!parsed.success) throw new AppError("INVALID_INPUT", firstIssue(parsed.error).message, { field: "username" });
  const username = parsed.data;
  await users.assertUsernameFree(client, tenantId, store, username);
  const qualified = qualifiedName(store.domain, username);
  const password = await users.preparePassword(input.password);

  return client.$transaction(async (tx) => {
    const roles = await getRoles(tx, tenantId, [...new Set(input.roleIds)]);
    for (const role of roles) assertRoleRule(actor.principal, role, "assignUsers");
    const user = await users.createUser(tx, tenantId, store, { username, password, roleIds: roles.map((r) => r.id) });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.principal.userId, name: actor.principal.displayName },
      action: "user.created",
      target: { type: "user", id: user.id, name: qualified },
      after: { roles: roles.map((r) => r.qualified) },
      ip: actor.ip,
    });
    return { id: user.id, qualified };
  });
}
