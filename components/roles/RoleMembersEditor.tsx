"use client";

import { useEffect, useState } from "react";
import type { FormAction } from "@/lib/core/action-state";
import type { ChangePreview as Preview } from "@/lib/roles/preview-role-change";
import { UserSearchList, type PickedUser } from "@/components/users/UserSearchList";
import { Button } from "@/components/ui/Button";
import { SearchField } from "@/components/ui/table/SearchField";
import { ReviewSaveBar, useReviewThenSave } from "@/components/ui/ReviewThenSave";
import { RemovableList } from "@/components/pickers/RemovableList";
import { ChangePreview } from "./ChangePreview";

type Member = { id: number; qualified: string; readOnly: boolean };
type Props = { id: number; version: number; protectedIds: number[]; preview: FormAction<Preview>; save: FormAction };

/** Assign Users: add users, remove members, review who gains and loses which permission, then save. */
export function RoleMembersEditor({ id, version, protectedIds, preview, save }: Props) {
  const [adding, setAdding] = useState<PickedUser[]>([]);
  const [removing, setRemoving] = useState<Set<number>>(new Set());
  const [members, setMembers] = useState<Member[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  const [loadError, setLoadError] = useState(false);

  async function loadMembers(after?: string) {
    setLoadError(false);
    const query = new URLSearchParams({ q: filter || "*", size: "50", ...(after ? { after } : {}) });
    const response = await fetch(`/api/v1/roles/${id}/members?${query}`);
    if (!response.ok) return setLoadError(true);
    const body = (await response.json()) as { list: Member[]; next: string | null };
    setMembers(after ? [...members, ...body.list] : body.list);
    setNext(body.next);
  }
  // The first page loads once on mount; later pages and searches are explicit.
  useEffect(() => {
    // A fetch on mount: its state updates land when the answer arrives.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadMembers();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const flow = useReviewThenSave(preview, save, `${adding.map((a) => a.id).join()}|${[...removing].join()}`);
  const form = () => {
    const data = new FormData();
    data.set("id", String(id));
    data.set("version", String(version));
    for (const u of adding) data.append("add", String(u.id));
    for (const uid of removing) data.append("remove", String(uid));
    return data;
  };
  const dirty = adding.length > 0 || removing.size > 0;
  const blockerOf = (m: Member) =>
    protectedIds.includes(m.id) ? "the admin account keeps the admin role" : m.readOnly ? "read-only user store" : null;

  return (
    <div className="max-w-4xl space-y-4">
      <UserSearchList picked={adding} onChange={setAdding} legend="Add users" />
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Remove members</legend>
        <div className="flex items-end gap-2">
          <SearchField
            label="Find members"
            value={filter}
            onChange={setFilter}
            onSubmit={() => void loadMembers()}
            placeholder="* for all"
          />
          <Button variant="secondary" onClick={() => void loadMembers()}>
            Search
          </Button>
        </div>
        {loadError && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            The member list could not be loaded.
          </p>
        )}
        {members.length === 0 && !loadError && <p className="mt-3 text-sm text-slate-600">No members to show.</p>}
        <div className="mt-3 max-h-72 overflow-y-auto">
          <RemovableList
            label="Members"
            items={members.map((m) => ({ id: m.id, label: m.qualified, blocker: blockerOf(m) }))}
            removing={removing}
            onChange={setRemoving}
          />
        </div>
        {next && (
          <Button variant="ghost" size="sm" onClick={() => void loadMembers(next)}>
            Load more
          </Button>
        )}
      </fieldset>
      <ReviewSaveBar
        flow={flow}
        dirty={dirty}
        form={form}
        preview={(data) => <ChangePreview preview={data} addedVerb="gain" removedVerb="lose" />}
      />
    </div>
  );
}
