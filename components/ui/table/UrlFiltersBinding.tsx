"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { bindUrlFilters, type UrlFiltersProps } from "./url-filters-binding";

/** The filter form's URL binding (loaded after hydration by UrlFilters): it renders nothing. */
export function UrlFiltersBinding({ formId, path, state, live, zone }: UrlFiltersProps) {
  const router = useRouter();
  const binding = useRef<ReturnType<typeof bindUrlFilters>>(null);
  const [first] = useState(state);
  const liveKeys = live.join(" ");
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const bound = bindUrlFilters(
      form,
      first,
      { path, live: liveKeys.split(" "), zone },
      {
        replace: (href) => router.replace(href, { scroll: false }),
        push: (href) => router.push(href),
      },
    );
    binding.current = bound;
    return () => {
      bound.dispose();
      binding.current = null;
    };
  }, [formId, path, liveKeys, zone, router, first]);
  useEffect(() => binding.current?.follow(state), [state]);
  return null;
}
