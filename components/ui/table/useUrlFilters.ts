"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { filterHref, hrefFor, type UrlState } from "./url-state";

/** How long typing pauses before the list follows it: one navigation per pause, not per key. */
export const FILTER_DEBOUNCE_MS = 300;

/**
 * A list's filters bound to the URL. What is typed shows at once (a draft over the URL's values)
 * and reaches the URL after a pause, replacing the history entry and starting again at the first
 * page; submitting the filter form navigates at once. The URL stays the only state: when it
 * changes while nothing is pending (Back, a link), the draft is dropped and the fields follow it.
 */
export function useUrlFilters(path: string, state: UrlState, keys: readonly string[]) {
  const router = useRouter();
  const [draft, setDraft] = useState<UrlState>({});
  const [pending, setPending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const current = hrefFor(path, state);
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    if (!pending) setDraft({});
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const values: UrlState = Object.fromEntries(keys.map((key) => [key, draft[key] ?? state[key] ?? ""]));

  /** Changes filters now and navigates after the pause. */
  function set(patch: UrlState) {
    const next = { ...draft, ...patch };
    setDraft(next);
    setPending(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setPending(false);
      const href = filterHref(path, state, next);
      if (href !== current) router.replace(href, { scroll: false });
    }, FILTER_DEBOUNCE_MS);
  }

  /** The filter form's submit: the same URL a GET of the form would load, without reloading the page. */
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(timer.current);
    setPending(false);
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value)]));
    router.push(filterHref(path, {}, fields));
  }

  return { path, state, values, set, submit };
}

export type UrlFilters = ReturnType<typeof useUrlFilters>;

/** One filter field bound to the URL: its key, its value as typed, and its change. */
export type FilterField = { name: string; value: string; onChange: (value: string) => void };

export function filterField(filters: UrlFilters, key: string): FilterField {
  return { name: key, value: filters.values[key] ?? "", onChange: (value) => filters.set({ [key]: value }) };
}
