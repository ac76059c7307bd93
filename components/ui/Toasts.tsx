"use client";

import { useEffect, useState, type ComponentType } from "react";

/**
 * The one toast area of every page (the console and /login). Its code (sonner, the flash
 * cookie's reader) is fetched after hydration, so it is not part of the first load; a toast
 * raised before it arrives waits for it (toast.ts).
 */
export function Toasts() {
  const [Host, setHost] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    void import("./ToastHost").then((m) => {
      if (live) setHost(() => m.ToastHost);
    });
    return () => {
      live = false;
    };
  }, []);
  return Host ? <Host /> : null;
}
