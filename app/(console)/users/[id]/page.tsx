import type { Metadata } from "next";
import { ArrivalToast } from "@/components/ui/ArrivalToast";
import { formatUtc } from "@/lib/format";
import { loadPage } from "@/lib/transport/command-page";
import { userPageQuery } from "@/lib/users/queries";
import { AccountControls } from "@/components/users/AccountControls";
import { UserHeader } from "@/components/users/UserHeader";
import { disableUserAction, enableUserAction, unlockUserAction } from "./actions";

export const metadata: Metadata = { title: "User" };

export default async function UserDetailsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { data } = await loadPage(userPageQuery, { ...(await searchParams), id: (await params).id });
  const { user, claims, summary, tabs, actions, created } = data;
  return (
    <>
      <UserHeader user={summary} tabs={tabs} current="details" />
      {created && <ArrivalToast message={`User ${user.qualified} added.`} params={["created"]} />}
      <section aria-labelledby="account" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="account" className="font-semibold">
          Account
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="account-state">
          <dt className="text-slate-600">Status</dt>
          <dd>{user.disabledAt ? `Disabled since ${formatUtc(user.disabledAt)}` : "Enabled"}</dd>
          <dt className="text-slate-600">Locked</dt>
          <dd>{summary.lockedUntil ? `Locked until ${formatUtc(summary.lockedUntil)}` : "No"}</dd>
          <dt className="text-slate-600">Last sign-in</dt>
          <dd>{user.lastSignInAt ? formatUtc(user.lastSignInAt) : "Never"}</dd>
          <dt className="text-slate-600">Roles</dt>
          <dd className="break-all" data-testid="user-roles">
            {[...user.roles.map((r) => r.qualified), "Internal/everyone"].join(", ")}
          </dd>
          <dt className="text-slate-600">Created</dt>
          <dd>{formatUtc(user.createdAt)}</dd>
          {claims.map(({ uri, label, value }) => (
            <div key={uri} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
        <AccountControls user={user} actions={actions} disable={disableUserAction} enable={enableUserAction} unlock={unlockUserAction} />
      </section>
    </>
  );
}
