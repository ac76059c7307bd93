// The casbin side of scripts/bench-authz.ts: the same users, roles and grants in a node-casbin
// in-memory enforcer. Plain RBAC, and keyMatch for the tree: a grant on G becomes the policies
// G and G/*, so it covers G and everything below it, as Gatehouse's holds() does.
import { newEnforcer, newModelFromString, type Enforcer } from "casbin";
import { grantsOfRole, roleName, rolesOfUser, userName, type RbacPlan } from "./bench-authz-data.ts";

const MODEL = `
[request_definition]
r = sub, obj
[policy_definition]
p = sub, obj
[role_definition]
g = _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, p.sub) && keyMatch(r.obj, p.obj)
`;

export async function buildCasbin(plan: RbacPlan): Promise<Enforcer> {
  const enforcer = await newEnforcer(newModelFromString(MODEL));
  const policies: string[][] = [];
  for (let r = 1; r <= plan.roles; r++) for (const g of grantsOfRole(r)) policies.push([roleName(r), g], [roleName(r), `${g}/*`]);
  const links: string[][] = [];
  for (let n = 1; n <= plan.users; n++) for (const r of rolesOfUser(plan, n)) links.push([userName(n), roleName(r)]);
  await enforcer.addPolicies(policies);
  await enforcer.addGroupingPolicies(links);
  return enforcer;
}
