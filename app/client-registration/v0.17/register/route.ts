import { registerEndpoint, unregisterEndpoint } from "@/lib/oauth2/dcr-endpoint";

/** WSO2's DCR: register a client with a user's Basic credentials, or delete it (docs/oauth2.md). */
export const POST = registerEndpoint;
export const DELETE = unregisterEndpoint;
