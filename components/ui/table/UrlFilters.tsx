"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { UrlFiltersProps } from "./url-filters-binding";

/**
 * A list filter form's client part. The form is the server's plain GET form and works before
 * hydration and without JavaScript; its binding to the URL (typing filters after a pause, the
 * clear buttons, submitting without a reload) is fetched after hydration, as the toast host is
 * (Toasts.tsx), so it is not part of the list pages' first load (docs/performance.md). Text typed
 * before it arrives is sent when it does.
 */
export function UrlFilters(props: UrlFiltersProps) {
  const [Binding, setBinding] = useState<ComponentType<UrlFiltersProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import("./UrlFiltersBinding").then((m) => {
      if (live) setBinding(() => m.UrlFiltersBinding);
    });
    return () => {
      live = false;
    };
  }, []);
  return Binding ? <Binding {...props} /> : null;
}
