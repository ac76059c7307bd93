import { resolveManagementToken } from "../management/token.ts";

/** /api/v1/users/import takes the console's session or a /management bearer token (the CLI's). */
export const IMPORT_ROUTE = { bearer: resolveManagementToken } as const;
