"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A selection that survives paging: kept in sessionStorage under `key`, so rows picked on
 * page 1 stay picked while the admin moves through the list. Maps id -> label for summaries.
 * Without a key the table has no selection and nothing is stored.
 */
export function useSelection(key: string | undefined) {
  const storageKey = key && `gatehouse.selection.${key}`;
  const [selected, setSelected] = useState<Record<string, string>>({});
  useEffect(() => {
    const saved = storageKey && sessionStorage.getItem(storageKey);
    // sessionStorage exists only in the browser, so it is read after hydration, not in render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) setSelected(JSON.parse(saved) as Record<string, string>);
  }, [storageKey]);
  const set = useCallback(
    (next: Record<string, string>) => {
      setSelected(next);
      if (storageKey) sessionStorage.setItem(storageKey, JSON.stringify(next));
    },
    [storageKey],
  );
  return { selected, set, clear: useCallback(() => set({}), [set]) };
}

export type Selection = ReturnType<typeof useSelection>;
