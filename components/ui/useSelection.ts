"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A selection that survives paging: kept in sessionStorage under `key`, so rows picked on
 * page 1 stay picked while the admin moves through the list. Maps id -> label for summaries.
 */
export function useSelection(key: string) {
  const storageKey = `gatehouse.selection.${key}`;
  const [selected, setSelected] = useState<Record<string, string>>({});
  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) setSelected(JSON.parse(saved) as Record<string, string>);
  }, [storageKey]);
  const save = useCallback(
    (next: Record<string, string>) => {
      setSelected(next);
      sessionStorage.setItem(storageKey, JSON.stringify(next));
    },
    [storageKey],
  );
  const toggle = useCallback(
    (id: string, label: string, on: boolean) => {
      setSelected((prev) => {
        const next = { ...prev };
        if (on) next[id] = label;
        else delete next[id];
        sessionStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      });
    },
    [storageKey],
  );
  return { selected, toggle, clear: () => save({}), set: save };
}
