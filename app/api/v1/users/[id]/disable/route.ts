import { disableUserCommand } from "@/lib/users/commands";
import { accountStateRoute } from "../account-state-route";

export const POST = accountStateRoute(disableUserCommand, "Disabled");
