import type { LaunchOptions } from "@playwright/test";

// Debian's Chromium: Playwright's own browser download cannot run on these machines.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** How the e2e specs (playwright.config.ts) and scripts/screenshots.ts start Chromium. */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
