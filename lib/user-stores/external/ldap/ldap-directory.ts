import { AppError } from "../../../errors.ts";
import type { Directory } from "../directory.ts";
import type { LdapSettings } from "../settings.ts";

// Placeholder until the LDAP directory lands (#13): connecting an LDAP store is refused clearly.
export function createLdapDirectory(settings: LdapSettings, readOnly: boolean): Directory {
  void settings;
  void readOnly;
  throw new AppError("STORE_UNAVAILABLE", "LDAP user stores are not available in this build yet.");
}
