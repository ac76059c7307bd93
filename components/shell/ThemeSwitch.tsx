"use client";

import { useTheme } from "next-themes";
import { useHydrated } from "@/components/ui/useHydrated";

/** System (the OS preference, the default), Light or Dark; next-themes keeps the choice in localStorage. */
export function ThemeSwitch() {
  const { theme, setTheme } = useTheme();
  // The stored choice is only known in the browser; the server and the first client render agree on "system".
  const hydrated = useHydrated();
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-700">
      <span>Theme</span>
      <select
        value={hydrated ? (theme ?? "system") : "system"}
        onChange={(event) => setTheme(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
