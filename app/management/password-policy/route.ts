import { MGMT_ROUTE } from "@/lib/management/errors";
import { commandRoute } from "@/lib/transport/command-route";
import { passwordPolicyQuery } from "@/lib/users/queries";

/** Gatehouse only (not the MI's): the password policy, which `gatehouse add user` checks a password against as it is typed. */
export const GET = commandRoute(passwordPolicyQuery, { ...MGMT_ROUTE, input: () => ({}), reply: (policy) => policy });
