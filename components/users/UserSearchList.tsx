"use client";

import { useEffect, useState } from "react";
import { qualifiedName } from "@/lib/core/domains";
import { Button } from "@/components/ui/Button";
import { SearchField } from "@/components/ui/table/SearchField";
import { PickedChips } from "@/components/pickers/RemovableList";

export type PickedUser = { id: number; label: string };
type Hit = { id: number; username: string; domain: string; readOnly: boolean };

type Props = {
  picked: PickedUser[];
  onChange: (next: PickedUser[]) => void;
  isMember?: (id: number) => boolean;
  legend: string;
  /** The server's refusal of the chosen users (a directory group needs a member of its store), announced and tied to the list. */
  errors?: string[];
};

/**
 * WSO2's "search users, * for all" list with checkboxes, fetched a page at a time from the
 * server. The first page of everyone shows at once; the choice is kept across searches.
 */
export function UserSearchList({ picked, onChange, isMember, legend, errors }: Props) {
  const [pattern, setPattern] = useState("*");
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(after?: string) {
    setLoading(true);
    setError(null);
    try {
      const query = new URLSearchParams({ q: pattern, size: "50", ...(after ? { after } : {}) });
      const response = await fetch(`/api/v1/users?${query}`);
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { list: Hit[]; next: string | null };
      setHits(after ? [...(hits ?? []), ...body.list] : body.list);
      setNext(body.next);
    } catch {
      setError("The search failed. Try again.");
    } finally {
      setLoading(false);
    }
  }

  // The first page on mount: its state updates land when the answer arrives.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const label = (h: Hit) => qualifiedName(h.domain, h.username);
  const isPicked = (id: number) => picked.some((p) => p.id === id);

  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-describedby={errors?.length ? "picked-users-error" : undefined}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend className="px-1 font-semibold">{legend}</legend>
      <div id="picked-users-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
      <div className="flex items-end gap-2">
        <SearchField
          label="Search users"
          value={pattern}
          onChange={setPattern}
          onSubmit={() => void load()}
          hint="Enter a name pattern; * lists everyone."
          width="w-full"
          className="flex-1"
        />
        <Button variant="secondary" onClick={() => void load()} disabled={loading}>
          {loading ? "Searching…" : "Search"}
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {hits === null && !error && <p className="mt-3 text-sm text-slate-600">Loading users…</p>}
      {hits && hits.length === 0 && <p className="mt-3 text-sm text-slate-600">No users match “{pattern}”.</p>}
      {hits && hits.length > 0 && (
        <ul className="mt-3 max-h-72 space-y-1 overflow-y-auto" aria-label="Search results">
          {hits.map((h) => {
            const member = isMember?.(h.id) ?? false;
            return (
              <li key={h.id}>
                <label className={`flex items-center gap-2 ${h.readOnly || member ? "text-slate-500" : ""}`}>
                  <input
                    type="checkbox"
                    disabled={h.readOnly || member}
                    checked={member || isPicked(h.id)}
                    onChange={(e) =>
                      onChange(e.target.checked ? [...picked, { id: h.id, label: label(h) }] : picked.filter((p) => p.id !== h.id))
                    }
                  />
                  <span className="break-all">{label(h)}</span>
                  {h.readOnly && <span className="text-xs">(Read-Only)</span>}
                  {member && <span className="text-xs">(already a member)</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {next && (
        <Button variant="ghost" size="sm" className="mt-2" onClick={() => void load(next)} disabled={loading}>
          Load more
        </Button>
      )}
      <p className="mt-3 text-sm" aria-live="polite">
        {picked.length === 0 ? "No users chosen." : `${picked.length} chosen:`}
      </p>
      <PickedChips label="Chosen users" items={picked} onDrop={(u) => onChange(picked.filter((p) => p.id !== u.id))} />
    </fieldset>
  );
}
