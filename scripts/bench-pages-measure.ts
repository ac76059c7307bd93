// The two measurements of bench:pages: gzip sizes and a Lighthouse mobile run.
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium.ts";

/** gzip at the level CDNs and `next start`'s compression use by default. */
export const gzipKb = (body: Buffer) => gzipSync(body, { level: 6 }).length / 1024;

export type LighthouseFigures = { score: number; lcpMs: number; tbtMs: number; fcpMs: number; ttfbMs: number };

/** The e2e specs' Chromium and flags, headless (Lighthouse drives it through chrome-launcher). */
const CHROMIUM_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

export function launchChromium() {
  return chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
}

/** Lighthouse's default (mobile) performance audit; the cookie goes with every request. */
export async function lighthouseRun(port: number, url: string, cookie?: string): Promise<LighthouseFigures> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const ms = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: (lhr.categories.performance?.score ?? 0) * 100,
    lcpMs: ms("largest-contentful-paint"),
    tbtMs: ms("total-blocking-time"),
    fcpMs: ms("first-contentful-paint"),
    ttfbMs: ms("server-response-time"),
  };
}

/** The run with the median score (Lighthouse's own way of summing up several runs). */
export function medianRun(runs: LighthouseFigures[]): LighthouseFigures {
  const sorted = [...runs].sort((a, b) => a.score - b.score || a.lcpMs - b.lcpMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
