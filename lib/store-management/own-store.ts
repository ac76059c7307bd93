import type { Actor } from "../authz/principal.ts";
import { sameDomain, splitQualifiedName } from "../core/domains.ts";

/** Whether the actor's own account lives in the store: its display name carries the store's domain, as WSO2 writes it. */
export function inOwnStore(actor: Pick<Actor, "displayName">, domain: string): boolean {
  return sameDomain(splitQualifiedName(actor.displayName).domain, domain);
}
