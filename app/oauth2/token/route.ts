import { tokenEndpoint } from "@/lib/oauth2/token-endpoint";

/** RFC 6749 token endpoint: password, client_credentials and refresh_token grants (docs/oauth2.md). */
export const POST = tokenEndpoint;
