"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useSelection, type Selection } from "./useSelection";
import { useHydrated } from "../useHydrated";

const SelectionContext = createContext<Selection | null>(null);

/**
 * The selection of a server-rendered table: its checkboxes and its bulk bar are small client
 * islands that share this one store (sessionStorage under `storageKey`, so picks survive paging).
 */
export function SelectionProvider({ storageKey, children }: { storageKey: string; children: ReactNode }) {
  return <SelectionContext.Provider value={useSelection(storageKey)}>{children}</SelectionContext.Provider>;
}

export function useTableSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useTableSelection needs a SelectionProvider around the table.");
  return selection;
}

/**
 * One row's checkbox; `label` names the row in the summaries of what is selected. Disabled in the
 * server's HTML and until hydration: a tick made before then would be lost when React takes over.
 */
export function SelectBox({ id, label }: { id: string; label: string }) {
  const { selected, set } = useTableSelection();
  const hydrated = useHydrated();
  return (
    <input
      type="checkbox"
      aria-label={`Select ${label}`}
      disabled={!hydrated}
      checked={id in selected}
      onChange={(e) => {
        const { [id]: _dropped, ...rest } = selected;
        set(e.target.checked ? { ...selected, [id]: label } : rest);
      }}
    />
  );
}
