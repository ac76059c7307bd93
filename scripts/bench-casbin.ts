// The casbin side of scripts/bench-authz.ts: the same users, roles and grants in node-casbin
// in-memory enforcers, in two models.
//
// BEST (what casbin's docs advise for many rules: few or no policy rules, the work in the role
// manager): one role graph `g` holding user -> role and role -> permission node, the tree
// expanded so a grant on G links the role to G and every node below it. The matcher
// `g(r.sub, r.obj)` names no policy token, so enforceSync evaluates it once per request
// (casbin only scans policies when the matcher references p_*): one role-graph walk, user ->
// role -> node, through casbin's DefaultRoleManager.
//
// STRAW MAN (the previous benchmark, kept for comparison): policies role -> node pattern and
// `g(r.sub, p.sub) && keyMatch(r.obj, p.obj)`, which evaluates the matcher against every policy.
import { newEnforcer, newModelFromString, type Enforcer } from "casbin";
import { ALL_PATHS, grantsOfRole, roleName, rolesOfUser, userName, type RbacPlan } from "./bench-authz-data.ts";
import { implies } from "../lib/permissions/paths.ts";

const BEST_MODEL = `
[request_definition]
r = sub, obj
[policy_definition]
p = sub, obj
[role_definition]
g = _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, r.obj)
`;

const STRAW_MODEL = `
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

function userLinks(plan: RbacPlan): string[][] {
  const links: string[][] = [];
  for (let n = 1; n <= plan.users; n++) for (const r of rolesOfUser(plan, n)) links.push([userName(n), roleName(r)]);
  return links;
}

/** The role graph: users -> roles -> every node each role's grants cover. */
export async function buildCasbinBest(plan: RbacPlan): Promise<Enforcer> {
  const enforcer = await newEnforcer(newModelFromString(BEST_MODEL));
  const links = userLinks(plan);
  for (let r = 1; r <= plan.roles; r++) {
    const covered = new Set(ALL_PATHS.filter((node) => grantsOfRole(r).some((g) => implies(g, node))));
    for (const node of covered) links.push([roleName(r), node]);
  }
  await enforcer.addGroupingPolicies(links);
  return enforcer;
}

/** The previous model: keyMatch over every policy. A grant on G is the policies G and G/*. */
export async function buildCasbinStrawMan(plan: RbacPlan): Promise<Enforcer> {
  const enforcer = await newEnforcer(newModelFromString(STRAW_MODEL));
  const policies: string[][] = [];
  for (let r = 1; r <= plan.roles; r++) for (const g of grantsOfRole(r)) policies.push([roleName(r), g], [roleName(r), `${g}/*`]);
  await enforcer.addPolicies(policies);
  await enforcer.addGroupingPolicies(userLinks(plan));
  return enforcer;
}
