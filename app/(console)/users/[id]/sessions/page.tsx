import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userSessionsPageQuery } from "@/lib/users/account-queries";
import { UserHeader } from "@/components/users/UserHeader";
import { UserSessionsTable } from "@/components/users/UserSessionsTable";
import { terminateUserSessionAction } from "../actions";

export const metadata: Metadata = { title: "User sessions" };

export default async function UserSessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { data } = await loadPage(userSessionsPageQuery, { ...(await searchParams), id: (await params).id });
  const { user, tabs, rows, paging, canTerminate } = data;
  return (
    <>
      <UserHeader user={user} tabs={tabs} current="sessions" />
      <UserSessionsTable userId={user.id} rows={rows} paging={paging} terminate={canTerminate ? terminateUserSessionAction : undefined} />
    </>
  );
}
