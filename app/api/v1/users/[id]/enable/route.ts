import { enableUserCommand } from "@/lib/users/commands";
import { accountStateRoute } from "../account-state-route";

export const POST = accountStateRoute(enableUserCommand, "Enabled");
