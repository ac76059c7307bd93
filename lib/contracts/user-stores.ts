/**
 * /management/user-stores: secondary user stores (User Store Management), a Gatehouse extension
 * of the MI-compatible management API, shaped after WSO2 Identity Server's userstore API
 * (list, add, get, edit, delete, test-connection). Stores are named by domain in the path.
 * Settings are checked by the server (the LDAP and JDBC schemas); secrets are write-only and
 * come back as `{ "set": true }`.
 */
import { z } from "zod";

const SETTINGS_DESCRIPTION =
  "The store's properties (docs/user-store-management.md): LDAP urls, bindDn, bindPassword, " +
  "userSearchBase, …; JDBC url, password, …. The server validates them.";
const settings = z.record(z.string(), z.unknown()).meta({ description: SETTINGS_DESCRIPTION });
const type = z.enum(["ldap", "jdbc"]);
const version = z.number().int().positive().meta({ description: "The version read with the store; a stale one is refused (409)" });

// Requests

export const ZNewStore = z.object({
  domain: z.string().min(1).max(50).meta({ description: "Domain name: letters, digits, . and -; not PRIMARY, Internal or Application" }),
  type,
  description: z.string().max(500).optional(),
  readOnly: z.boolean().optional().meta({ default: true }),
  settings,
});
export const ZStoreEdit = z.object({
  version,
  description: z.string().max(500).optional(),
  readOnly: z.boolean().optional().meta({ default: true }),
  settings: settings.meta({ description: `${SETTINGS_DESCRIPTION} A blank or absent secret keeps the stored one.` }),
});
export const ZStoreEnabled = z.object({ version, enabled: z.boolean() });
export const ZStoreDeleteQuery = z.object({ version: z.coerce.number().int().positive().meta({ description: "The store's version" }) });
export const ZConnectionTest = z.object({ type, readOnly: z.boolean().optional(), settings });

// Answers

const date = z.string().nullable();
export const ZStoreSync = z.object({
  state: z.string().meta({ description: "idle, running or failed" }),
  startedAt: date,
  finishedAt: date,
  usersSeen: z.number().int(),
  groupsSeen: z.number().int(),
  lastError: z.string().nullable(),
});
export const ZStore = z.object({
  id: z.number().int(),
  domain: z.string(),
  type: z.string(),
  description: z.string(),
  readOnly: z.boolean(),
  enabled: z.boolean(),
  version: z.number().int(),
  settings: z.record(z.string(), z.unknown()).meta({ description: 'The properties; each secret is `{"set": true|false}`' }),
  sync: ZStoreSync.nullable(),
});
export const ZStoreList = z.object({ count: z.number().int(), list: z.array(ZStore) });
export const ZStoreStatus = z.object({ domain: z.string(), status: z.string() });
export const ZConnectionStep = z.object({ step: z.string(), ok: z.boolean(), detail: z.string(), ms: z.number() });
export const ZConnectionResult = z.object({ ok: z.boolean(), steps: z.array(ZConnectionStep) });
export const ZStoreDeleted = ZStoreStatus.extend({
  users: z.number().int(),
  groups: z.number().int(),
  sessions: z.number().int(),
  internalMemberships: z.number().int(),
});
export const ZStoreSynced = ZStoreStatus.extend({
  users: z.number().int(),
  groups: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
});
