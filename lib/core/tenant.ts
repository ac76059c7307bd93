/** WSO2's super tenant, the one tenant Gatehouse serves today. */
export const SUPER_TENANT = "carbon.super";
