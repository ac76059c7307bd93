// Runs once when a server instance starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit, reportBooted } = await import("./lib/boot.ts");
  await bootOrExit();
  // External user stores' mirrors are refreshed on their interval (docs/user-stores.md).
  const [{ db }, { startSyncScheduler }, { followPlannerStatistics }, { resumeImports }] = await Promise.all([
    import("./lib/db/client.ts"),
    import("./lib/user-stores/external/sync-scheduler.ts"),
    import("./lib/db/planner-statistics.ts"),
    import("./lib/user-import/run-import.ts"),
  ]);
  startSyncScheduler(db());
  // Bulk imports whose runner stopped with the last process continue where their last chunk ended.
  resumeImports(db()).catch((error: unknown) => console.error("[gatehouse] resuming imports failed", error));
  // A sync in another worker re-analyzes SQLite; this worker's connection reloads those statistics.
  followPlannerStatistics(db());
  reportBooted();
}
