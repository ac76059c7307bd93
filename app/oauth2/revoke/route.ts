import { revokeEndpoint } from "@/lib/oauth2/client-endpoints";

export const POST = revokeEndpoint;
