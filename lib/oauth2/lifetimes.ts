// WSO2's defaults: an hour for access tokens, a day for refresh tokens.
export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 86_400;
export const SUPPORTED_GRANTS = ["password", "client_credentials", "refresh_token"] as const;
