/**
 * The API scope catalog and its default scope -> role mapping, exactly as WSO2 API Manager
 * documents it (seed 001, "scopes allowed for each default Internal role"). `ADMIN` stands for
 * the tenant's admin role, whatever `[super_admin] admin_role` names it.
 */
export const ADMIN = "@admin";

export type DefaultRole =
  | typeof ADMIN
  | "Internal/publisher"
  | "Internal/creator"
  | "Internal/subscriber"
  | "Internal/analytics"
  | "Internal/everyone"
  // Only in the APIM 4.x catalogs (lib/scopes/catalogs/), whose tenants get these roles too.
  | "Internal/devops"
  | "Internal/observer"
  | "Internal/integration_dev";

export type ScopeTag = "admin" | "publisher" | "devportal" | "analytics" | "service_catalog" | "governance";

export type ScopeDefinition = { name: string; description: string; tag: ScopeTag; roles: readonly DefaultRole[] };

const P = "Internal/publisher";
const C = "Internal/creator";
const S = "Internal/subscriber";
const A = "Internal/analytics";
const E = "Internal/everyone";

export const SCOPE_CATALOG = [
  { name: "apim:api_publish", description: "Publish API", tag: "publisher", roles: [ADMIN, P] },
  { name: "apim:api_create", description: "Create API", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:api_view", description: "View API", tag: "publisher", roles: [ADMIN, P, C, A] },
  { name: "apim:api_delete", description: "Delete API", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:subscribe", description: "Subscribe API", tag: "devportal", roles: [ADMIN, S] },
  { name: "apim:tier_view", description: "View throttling policies", tag: "publisher", roles: [ADMIN, P, C] },
  { name: "apim:tier_manage", description: "Update and delete throttling policies", tag: "admin", roles: [ADMIN] },
  { name: "apim:bl_view", description: "View deny policies", tag: "admin", roles: [ADMIN] },
  { name: "apim:subscription_view", description: "View subscriptions", tag: "publisher", roles: [ADMIN, P, C] },
  { name: "apim:subscription_block", description: "Block subscriptions", tag: "publisher", roles: [ADMIN, P] },
  { name: "apim:mediation_policy_view", description: "View mediation policies", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:mediation_policy_create", description: "Create mediation policies", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:api_workflow", description: "Manage workflows", tag: "admin", roles: [ADMIN] },
  { name: "apim:app_owner_change", description: "Change the owner of an application", tag: "admin", roles: [ADMIN] },
  { name: "apim:app_import_export", description: "Import and export applications", tag: "devportal", roles: [ADMIN] },
  { name: "apim:api_import_export", description: "Import and export APIs", tag: "publisher", roles: [ADMIN] },
  { name: "apim:label_manage", description: "Manage gateway labels", tag: "admin", roles: [ADMIN] },
  { name: "apim:label_read", description: "Read gateway labels", tag: "admin", roles: [ADMIN] },
  { name: "apim:app_update", description: "Update an application", tag: "devportal", roles: [ADMIN, S] },
  { name: "apim:app_manage", description: "Retrieve and manage applications", tag: "devportal", roles: [ADMIN, S] },
  { name: "apim:sub_manage", description: "Retrieve and manage subscriptions", tag: "devportal", roles: [ADMIN, S] },
  { name: "apim:monetization_usage_publish", description: "Publish monetization usage records", tag: "publisher", roles: [ADMIN, P] },
  { name: "apim:document_create", description: "Create API documents", tag: "publisher", roles: [ADMIN, P, C] },
  {
    name: "apim:ep_certificates_update",
    description: "Update and delete backend endpoint certificates",
    tag: "publisher",
    roles: [ADMIN, C],
  },
  { name: "apim:client_certificates_update", description: "Update and delete client certificates", tag: "publisher", roles: [ADMIN, C] },
  {
    name: "apim:threat_protection_policy_manage",
    description: "Update and delete threat protection policies",
    tag: "publisher",
    roles: [ADMIN, C],
  },
  { name: "apim:document_manage", description: "Update and delete API documents", tag: "publisher", roles: [ADMIN, P, C] },
  { name: "apim:client_certificates_add", description: "Add client certificates", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:publisher_settings", description: "Read Publisher settings", tag: "publisher", roles: [ADMIN, P, C] },
  { name: "apim:store_settings", description: "Read Developer Portal settings", tag: "devportal", roles: [ADMIN, S] },
  { name: "apim:client_certificates_view", description: "View client certificates", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:mediation_policy_manage", description: "Update and delete mediation policies", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:threat_protection_policy_create", description: "Create threat protection policies", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:ep_certificates_add", description: "Add backend endpoint certificates", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:ep_certificates_view", description: "View backend endpoint certificates", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:api_key", description: "Generate API keys", tag: "devportal", roles: [ADMIN, C] },
  { name: "apim_analytics:admin", description: "Manage all analytics dashboards", tag: "analytics", roles: [ADMIN] },
  { name: "apim_analytics:product_manager", description: "View product manager analytics", tag: "analytics", roles: [ADMIN, P, C, S] },
  { name: "apim_analytics:api_developer", description: "View API developer analytics", tag: "analytics", roles: [ADMIN, P, C] },
  { name: "apim_analytics:app_developer", description: "View application developer analytics", tag: "analytics", roles: [ADMIN, S] },
  { name: "apim_analytics:devops_engineer", description: "View DevOps analytics", tag: "analytics", roles: [ADMIN, P, C, S] },
  { name: "apim_analytics:analytics_viewer", description: "View analytics dashboards", tag: "analytics", roles: [ADMIN, A] },
  { name: "apim_analytics:everyone", description: "View public analytics", tag: "analytics", roles: [E] },
  { name: "apim:pub_alert_manage", description: "Manage Publisher alerts", tag: "publisher", roles: [ADMIN, C] },
  { name: "apim:sub_alert_manage", description: "Manage Developer Portal alerts", tag: "devportal", roles: [ADMIN, S] },
  { name: "apim:tenantInfo", description: "Read tenant information", tag: "admin", roles: [ADMIN] },
  { name: "apim:admin_operations", description: "Manage API categories and key managers", tag: "admin", roles: [ADMIN] },
] as const satisfies readonly ScopeDefinition[];
