"use client";

import type { ReactNode } from "react";
import { ThemeProvider } from "next-themes";

/**
 * The theme follows the OS until the switch picks one (next-themes stores the choice and sets the
 * `dark` class from a script in <head>, before the first paint, so there is no flash of the wrong
 * theme).
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </ThemeProvider>
  );
}
