"use client";

import type { ReactNode } from "react";
import { ThemeProvider } from "next-themes";
import { ProgressProvider } from "@bprogress/next/app";

/**
 * The theme follows the OS until the switch picks one (next-themes stores the choice and sets the
 * `dark` class from a script in <head>, before the first paint, so there is no flash of the wrong
 * theme). The bar shows on navigations that take longer than 120 ms: console pages authorize on
 * the server before they render, so a slow one would otherwise leave the old page up silently.
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <ProgressProvider color="var(--color-brand-600)" height="3px" delay={120} options={{ showSpinner: false }} shallowRouting>
        {children}
      </ProgressProvider>
    </ThemeProvider>
  );
}
