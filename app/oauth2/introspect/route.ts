import { introspectEndpoint } from "@/lib/oauth2/client-endpoints";

export const POST = introspectEndpoint;
