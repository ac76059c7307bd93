import http from "node:http";
import type { AddressInfo } from "node:net";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { IDLE_SCAVENGE_THRESHOLD, newSpaceFill, scavengeWhenIdle } from "./idle-scavenge.mjs";

/** Young-generation collections that code asked for (gc()), as V8 reports them. */
function forcedScavenges() {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceEntry & { detail: { kind: number; flags: number } }).detail;
      if (detail.kind === constants.NODE_PERFORMANCE_GC_MINOR && detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)
        seen.push(entry.startTime);
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return { count: () => seen.length, stop: () => observer.disconnect() };
}

/** Yields to the event loop until `condition` holds, at most `turns` times (GC entries arrive asynchronously). */
async function until(condition: () => boolean, turns = 2_000) {
  for (let i = 0; i < turns && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  return condition();
}

const get = (port: number, path: string) =>
  new Promise<void>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, agent: false }, (response) => response.resume().once("end", resolve)).once("error", reject);
  });

let server: http.Server | undefined;
afterEach(() => server?.close());

/** A server whose requests fill the new space past the threshold; `/hold` stays open until `release()`. */
async function fillingServer() {
  let release: (() => void) | undefined;
  server = http.createServer((request, response) => {
    const kept: object[] = [];
    for (let i = 0; i < 5_000_000 && newSpaceFill() <= IDLE_SCAVENGE_THRESHOLD + 0.1; i++) kept.push({ i });
    if (request.url === "/hold") release = () => response.end(String(kept.length));
    else response.end(String(kept.length));
  });
  scavengeWhenIdle(server);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, holding: () => release !== undefined, release: () => release?.() };
}

describe("scavengeWhenIdle", () => {
  it("collects the young generation once the last request has closed", async () => {
    const { port } = await fillingServer();
    const forced = forcedScavenges();
    try {
      await get(port, "/");
      expect(await until(() => forced.count() > 0)).toBe(true);
    } finally {
      forced.stop();
    }
  });

  it("waits while another request is still in flight", async () => {
    const { port, holding, release } = await fillingServer();
    const forced = forcedScavenges();
    try {
      const held = get(port, "/hold");
      expect(await until(holding)).toBe(true);
      await get(port, "/");
      // The closed request queued its check; give it many turns to run while /hold is open.
      await until(() => forced.count() > 0, 50);
      expect(forced.count()).toBe(0);
      release();
      await held;
      expect(await until(() => forced.count() > 0)).toBe(true);
    } finally {
      forced.stop();
    }
  });

  it("does not put gc on the global object", () => {
    expect("gc" in globalThis).toBe(false);
  });
});
