/**
 * The WSO2 permission tree: real resource paths, the names the WSO2 console shows, and what
 * each node enables (seed 003). This is the only place permissions are defined; the union
 * type below is derived from it, so a misspelt path does not compile.
 */
export type PermissionNode = {
  readonly path: string;
  readonly name: string;
  readonly description: string;
  readonly children?: readonly PermissionNode[];
};

const node = <const P extends string, const C extends readonly PermissionNode[] = []>(
  path: P,
  name: string,
  description: string,
  children?: C,
) => ({ path, name, description, children: (children ?? []) as C }) as const;

export const PERMISSION_TREE = node("/permission", "All Permissions", "Every permission, including super-tenant ones.", [
  node("/permission/protected", "Super Admin Permissions", "Functions common to all tenants; only the super tenant can hold them.", [
    node("/permission/protected/configure", "Configure", "Server-wide configuration.", [
      node(
        "/permission/protected/configure/components",
        "Feature Management",
        "Control the features installed in the product (Configure > Features).",
      ),
      node("/permission/protected/configure/logging", "Logging", "Configure server logging (Configure > Logging)."),
    ]),
    node("/permission/protected/manage", "Manage", "Add and monitor tenants.", [
      node("/permission/protected/manage/modify", "Modify", "Change tenants.", [
        node("/permission/protected/manage/modify/tenants", "Tenants", "Add new tenants (Configure > Add New Tenant)."),
      ]),
      node("/permission/protected/manage/monitor", "Monitor", "Watch tenants.", [
        node("/permission/protected/manage/monitor/tenants", "Tenants", "View and monitor tenants."),
      ]),
    ]),
    node("/permission/protected/server-admin", "Server Admin", "Shut down and restart the server (Main > Shutdown/Restart)."),
  ]),
  node("/permission/admin", "Admin Permissions", "Everything within one tenant, including user store management.", [
    node("/permission/admin/login", "Login", "Sign in to the management console. Every console user needs it."),
    node("/permission/admin/configure", "Configure", "Tenant configuration, including the policy administration point.", [
      node(
        "/permission/admin/configure/security",
        "Security",
        "Claims, keystores, Kerberos, email templates and the Roles option under Users and Roles.",
        [
          node(
            "/permission/admin/configure/security/usermgt",
            "Identity Management",
            "User, password and profile management in the console.",
            [
              node(
                "/permission/admin/configure/security/usermgt/users",
                "User Management",
                "Add users from the console (the Users option under Users and Roles).",
              ),
              node(
                "/permission/admin/configure/security/usermgt/passwords",
                "Password Management",
                "The Change Password action on the Users screen.",
              ),
              node(
                "/permission/admin/configure/security/usermgt/profiles",
                "Profile Management",
                "The User Profile action on the Users screen.",
              ),
            ],
          ),
        ],
      ),
      node("/permission/admin/configure/governance", "Governance", "Govern, manage and configure API artifacts in the registry."),
    ]),
    node("/permission/admin/manage", "Manage", "Service providers, the SAML toolkit and everything under Manage.", [
      node("/permission/admin/manage/add", "Add", "Upload artifacts.", [
        node("/permission/admin/manage/add/module", "Modules", "Upload modules (Manage > Add > Modules)."),
      ]),
      node("/permission/admin/manage/api", "API", "API Publisher and Developer Portal actions.", [
        node("/permission/admin/manage/api/create", "Create", "Create APIs in the API Publisher."),
        node("/permission/admin/manage/api/publish", "Publish", "Publish APIs so that the Developer Portal shows them."),
        node("/permission/admin/manage/api/subscribe", "Subscribe", "Subscribe to APIs through an application in the Developer Portal."),
      ]),
      node("/permission/admin/manage/apim_admin", "API-M Admin", "Open the API Manager Admin Portal, including scope assignments."),
      node("/permission/admin/manage/configure", "Configure", "List modules, services and web applications."),
      // Children as declared by WSO2's andes admin bundle (carbon-business-messaging, component.xml).
      node("/permission/admin/manage/dlc", "Dead Letter Channel", "See queue messages stored in the Dead Letter Channel.", [
        node("/permission/admin/manage/dlc/browse", "Browse", "Browse messages in the Dead Letter Channel."),
        node("/permission/admin/manage/dlc/delete", "Delete", "Delete messages from the Dead Letter Channel."),
        node("/permission/admin/manage/dlc/restore", "Restore", "Restore messages to their original queue."),
        node("/permission/admin/manage/dlc/reroute", "Reroute", "Reroute messages to another queue."),
      ]),
      node("/permission/admin/manage/identity", "Identity", "Identity management APIs.", [
        node("/permission/admin/manage/identity/usermgt", "User Management", "Users.", [
          node("/permission/admin/manage/identity/usermgt/create", "Create", "Add users."),
          node("/permission/admin/manage/identity/usermgt/view", "View", "View users and their details."),
          node("/permission/admin/manage/identity/usermgt/list", "List", "List and search users."),
          node("/permission/admin/manage/identity/usermgt/update", "Update", "Change users: roles and profile claims."),
          node("/permission/admin/manage/identity/usermgt/delete", "Delete", "Delete users."),
        ]),
        node("/permission/admin/manage/identity/rolemgt", "Role Management", "Roles.", [
          node("/permission/admin/manage/identity/rolemgt/create", "Create", "Add roles."),
          node("/permission/admin/manage/identity/rolemgt/view", "View", "View and list roles."),
          node("/permission/admin/manage/identity/rolemgt/update", "Update", "Rename roles and change their permissions and members."),
          node("/permission/admin/manage/identity/rolemgt/delete", "Delete", "Delete roles."),
        ]),
        // As declared by carbon-identity-framework's identity-mgt bundle (component.xml, services.xml).
        node("/permission/admin/manage/identity/identitymgt", "Identity Management", "Account recovery and credentials.", [
          node("/permission/admin/manage/identity/identitymgt/create", "Create", "Create identity management records."),
          node(
            "/permission/admin/manage/identity/identitymgt/view",
            "View",
            "Read identity management settings: read-only stores, e-mail and challenge-question configuration.",
          ),
          node(
            "/permission/admin/manage/identity/identitymgt/update",
            "Update",
            "Reset other users' passwords; lock, unlock, enable and disable accounts.",
          ),
          node("/permission/admin/manage/identity/identitymgt/delete", "Delete", "Delete identity management records."),
        ]),
        node("/permission/admin/manage/identity/userstore", "User Store Management", "Add and configure secondary user stores.", [
          node(
            "/permission/admin/manage/identity/userstore/config",
            "User Store Configuration Management",
            "Secondary user store configurations.",
            [
              node("/permission/admin/manage/identity/userstore/config/create", "Create", "Add user store configurations."),
              node("/permission/admin/manage/identity/userstore/config/view", "View", "View user store configurations."),
              node("/permission/admin/manage/identity/userstore/config/update", "Update", "Change user store configurations."),
              node("/permission/admin/manage/identity/userstore/config/delete", "Delete", "Delete user store configurations."),
            ],
          ),
        ]),
        node("/permission/admin/manage/identity/authentication", "Authentication Management", "Authentication management.", [
          node("/permission/admin/manage/identity/authentication/session", "Session Management", "Sessions.", [
            node("/permission/admin/manage/identity/authentication/session/view", "View", "List active sessions."),
            node("/permission/admin/manage/identity/authentication/session/delete", "Delete", "Terminate sessions."),
          ]),
        ]),
      ]),
      node("/permission/admin/manage/queue", "Queue", "Add and browse message queues."),
      node("/permission/admin/manage/resources", "Resources", "The registry.", [
        node("/permission/admin/manage/resources/browse", "Browse", "Browse registry resources (Registry > Browse)."),
        node("/permission/admin/manage/resources/govern", "Govern", "Govern registry artifacts."),
      ]),
      node("/permission/admin/manage/search", "Search", "Search registry resources (Registry > Search)."),
      node("/permission/admin/manage/subscriptions", "Subscription", "View queue and topic subscribers.", [
        node(
          "/permission/admin/manage/subscriptions/queue-browse",
          "ViewQueueSubscriptions",
          "View queue subscribers (Subscription > Queue Subscription List).",
        ),
        node("/permission/admin/manage/subscriptions/topic-browse", "ViewTopicSubscriptions", "View topic subscribers."),
        node("/permission/admin/manage/subscriptions/queue-close", "CloseQueueSubscriptions", "Close queue subscriptions."),
        node("/permission/admin/manage/subscriptions/topic-close", "CloseTopicSubscriptions", "Close topic subscriptions."),
      ]),
      node("/permission/admin/manage/topic", "Topic", "Add, browse and inspect topics."),
    ]),
    node("/permission/admin/monitor", "Monitor", "System statistics and everything under Monitor.", [
      node("/permission/admin/monitor/logs", "Logs", "Read system logs and the Gatehouse audit log."),
      node("/permission/admin/monitor/metrics", "Metrics", "View JVM and server metrics."),
    ]),
  ]),
]);

type PathsOf<N> = N extends { path: infer P; children: infer C }
  ? P | (C extends readonly (infer Child)[] ? PathsOf<Child> : never)
  : never;

export type PermissionPath = PathsOf<typeof PERMISSION_TREE>;
