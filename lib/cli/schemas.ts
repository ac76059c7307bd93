import { z } from "zod";

// What the CLI reads from the server (public/openapi/*.json). Objects are not strict: a newer
// server may add fields without breaking an older CLI.
const ZPaging = { count: z.number(), truncated: z.boolean(), next: z.string().nullable() };

export const ZToken = z.object({ AccessToken: z.string().min(1) });
export const ZUserList = z.object({ ...ZPaging, list: z.array(z.object({ userId: z.string() })) });
export const ZUser = z.object({ userId: z.string(), isAdmin: z.boolean(), roles: z.array(z.string()) });
export const ZUserStatus = z.object({ userId: z.string(), status: z.string() });
export const ZRoleList = z.object({ ...ZPaging, list: z.array(z.object({ role: z.string() })) });
export const ZRole = z.object({ ...ZPaging, role: z.string(), users: z.array(z.string()) });
export const ZRoleStatus = z.object({ role: z.string(), status: z.string() });
export const ZAssignment = z.object({
  userId: z.string(),
  addedRoles: z.array(z.string()),
  removedRoles: z.array(z.string()),
  status: z.string(),
});
export const ZDecision = z.object({
  allowed: z.boolean(),
  reason: z.object({
    code: z.string(),
    message: z.string(),
    roles: z.array(z.string()),
    aliases: z.array(z.object({ role: z.string(), aliasOf: z.string() })),
  }),
});
export const ZAny = z.unknown();
