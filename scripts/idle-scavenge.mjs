// Moves V8's young-generation collection (a scavenge) to the moments a worker is idle.
//
// Measured on /users (docs/performance.md, "Scavenge between requests"): a page allocates a few
// MB, so a scavenge runs every few requests and, left to V8, lands inside one, pausing it 4–6 ms
// while it copies the ~1.2 MB Next.js and React still hold. That pause was most of the pages'
// p95 tail. Here, when the last request in flight has closed and the new space is more than half
// full, the worker scavenges at once, while nobody waits; the collector's total work stays the same.
import v8 from "node:v8";
import vm from "node:vm";

/** Share of the new space in use above which an idle worker scavenges. */
export const IDLE_SCAVENGE_THRESHOLD = 0.5;

/**
 * V8's `gc` function without putting it on this context's global object: the flag is on only
 * while a throwaway context is made, so application code never sees a `gc` it could call.
 */
function privateGc() {
  v8.setFlagsFromString("--expose-gc");
  try {
    return vm.runInNewContext("gc");
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
}

/** The new space's fill, 0–1. */
export function newSpaceFill() {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  if (!space) return 0;
  const capacity = space.space_used_size + space.space_available_size;
  return capacity > 0 ? space.space_used_size / capacity : 0;
}

/** Counts `server`'s requests in flight and scavenges when the count falls to zero and the new space is filling. */
export function scavengeWhenIdle(server, threshold = IDLE_SCAVENGE_THRESHOLD) {
  const gc = privateGc();
  let inFlight = 0;
  let queued = false;
  const check = () => {
    queued = false;
    // A request that arrived since the last one closed runs first; its own close checks again.
    if (inFlight === 0 && newSpaceFill() > threshold) gc({ type: "minor" });
  };
  server.on("request", (_request, response) => {
    inFlight++;
    response.once("close", () => {
      inFlight--;
      if (inFlight === 0 && !queued) {
        queued = true;
        setImmediate(check);
      }
    });
  });
}
