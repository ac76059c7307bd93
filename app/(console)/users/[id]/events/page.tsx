import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userEventsPageQuery } from "@/lib/users/account-queries";
import { UserHeader } from "@/components/users/UserHeader";
import { UserEventsTable } from "@/components/users/UserEventsTable";

export const metadata: Metadata = { title: "User events" };

export default async function UserEventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { data } = await loadPage(userEventsPageQuery, { ...(await searchParams), id: (await params).id });
  const { user, tabs, rows, paging } = data;
  return (
    <>
      <UserHeader user={user} tabs={tabs} current="events" />
      <UserEventsTable userId={user.id} rows={rows} paging={paging} />
    </>
  );
}
