"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { ToasterProps } from "sonner";
import { takeFlash } from "./flash";
import { showToast, toasterReady } from "./toast";

function Ready() {
  // Effects run in order, so sonner's own (its subscription) has run when this one does.
  useEffect(() => {
    toasterReady();
    const flash = takeFlash();
    if (flash) void showToast("success", flash);
  }, []);
  return null;
}

/**
 * The one toast area of every page (the console and /login), polite for screen readers. sonner
 * is fetched after hydration, so it is not part of the first load (toast.ts).
 */
export function Toasts() {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import("sonner").then((m) => {
      if (live) setToaster(() => m.Toaster);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!Toaster) return null;
  return (
    <>
      {/* "system" follows the OS, as the console's dark mode does (next-themes). */}
      <Toaster theme="system" position="top-right" closeButton containerAriaLabel="Notifications" />
      <Ready />
    </>
  );
}
