"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useSelection, type Selection } from "./useSelection";

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

/** One row's checkbox; `label` names the row in the summaries of what is selected. */
export function SelectBox({ id, label }: { id: string; label: string }) {
  const { selected, set } = useTableSelection();
  return (
    <input
      type="checkbox"
      aria-label={`Select ${label}`}
      checked={id in selected}
      onChange={(e) => {
        const { [id]: _dropped, ...rest } = selected;
        set(e.target.checked ? { ...selected, [id]: label } : rest);
      }}
    />
  );
}
