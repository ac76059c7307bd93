import { whoAmIQuery } from "@/lib/sessions/queries";
import { commandRoute } from "@/lib/transport/command-route";

/** Who am I: the caller's name, roles and granted permission nodes, for scripts and health checks. */
export const GET = commandRoute(whoAmIQuery, { input: () => ({}), reply: (result) => result });
