import Link from "next/link";
import type { ActionState } from "@/lib/core/action-state";
import type { UserAction } from "@/lib/authz/user-rules";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { AccountStateButton } from "./AccountStateButton";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const LINK = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100";

/**
 * The Details tab's controls: only those the user rules allow the viewer on this account right
 * now (the server decided), so a read-only admin sees none. Each write checks again.
 */
export function AccountControls({
  user,
  actions,
  disable,
  enable,
  unlock,
}: {
  user: { id: number; version: number; qualified: string };
  actions: UserAction[];
  disable: Action;
  enable: Action;
  unlock: Action;
}) {
  const fields = { id: String(user.id), version: String(user.version) };
  const has = (a: UserAction) => actions.includes(a);
  if (!["unlock", "enable", "disable", "password", "profile"].some((a) => has(a as UserAction))) return null;
  return (
    <div className="mt-4 flex flex-wrap items-center gap-2" data-testid="account-controls">
      {has("unlock") && <AccountStateButton action={unlock} id={user.id} version={user.version} label="Unlock" />}
      {has("enable") && <AccountStateButton action={enable} id={user.id} version={user.version} label="Enable" />}
      {has("disable") && (
        <ConfirmAction action={disable} fields={fields} label="Disable" title={`Disable ${user.qualified}?`} confirmLabel="Disable user">
          They are signed out everywhere at once (console, API and OAuth2 tokens) and cannot sign in until enabled again.
        </ConfirmAction>
      )}
      {has("password") && (
        <Link href={`/users/${user.id}/password`} className={LINK}>
          Change Password
        </Link>
      )}
      {has("profile") && (
        <Link href={`/users/${user.id}/profile`} className={LINK}>
          User Profile
        </Link>
      )}
    </div>
  );
}
