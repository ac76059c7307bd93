import type { Page } from "@playwright/test";

/** Fills Add User Store for an LDAP store nothing answers for (port 1), as an admin would. */
export async function fillLdapForm(page: Page, domain: string) {
  await page.goto("/settings/user-stores/new");
  await page.getByLabel("Domain name").fill(domain);
  await page.getByLabel("Connection URLs").fill("ldap://127.0.0.1:1");
  await page.getByLabel("Bind DN").fill("cn=gatehouse,dc=example,dc=com");
  await page.getByLabel("Bind password").fill("e2e-bind-secret");
  await page.getByLabel("User search base").fill("ou=people,dc=example,dc=com");
}
