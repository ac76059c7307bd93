"use client";

import { useEffect } from "react";
import { Toaster } from "sonner";
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

/** sonner's toast area, polite for screen readers, and the flash a full page load brought. */
export function ToastHost() {
  return (
    <>
      {/* "system" follows the OS, as the console's dark mode does (next-themes). */}
      <Toaster theme="system" position="top-right" closeButton containerAriaLabel="Notifications" />
      <Ready />
    </>
  );
}
