"use client";

import { useEffect, useRef } from "react";
import { showToast } from "./toast";

/**
 * The result of a write that redirected here (`?created=1`, `?added=…`) as a toast, once; the
 * parameters are then dropped from the address, so a reload or a shared link does not repeat it.
 */
export function ArrivalToast({ message, params }: { message: string; params: string[] }) {
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    void showToast("success", message);
    const url = new URL(window.location.href);
    for (const name of params) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, "", url);
  }, [message, params]);
  return null;
}
