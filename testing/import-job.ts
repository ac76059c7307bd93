import { expect, vi } from "vitest";
import type { Actor } from "../lib/authz/principal.ts";
import type { Db } from "../lib/db/client.ts";
import { importJobQuery, importRowsQuery, stageImportCommand, startImportCommand } from "../lib/user-import/commands.ts";
import { runCommand } from "./tenants.ts";

/** The upload in 7-byte pieces, split mid-record, as a request body arrives. */
export async function* fileOf(text: string) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
}

/** Bulk import (lib/user-import) through its commands, as the console and the API call them. */
export function importJobs(db: Db) {
  const job = (actor: Actor, id: number) => runCommand(importJobQuery, db, actor, { id });
  return {
    stage: (actor: Actor, domain: string, text: string, onExisting: "skip" | "update" = "skip") =>
      runCommand(stageImportCommand, db, actor, { domain, fileName: "users.csv", kind: "csv", onExisting, file: fileOf(text) }),
    job,
    rows: (actor: Actor, id: number, show = "all") => runCommand(importRowsQuery, db, actor, { id, show, size: 100 }),
    /** Starts the job (its runner runs in this process) and waits for it to stop. */
    async applied(actor: Actor, id: number) {
      const { version } = await job(actor, id);
      await runCommand(startImportCommand, db, actor, { id, version });
      await vi.waitFor(async () => expect(["done", "failed", "cancelled"]).toContain((await job(actor, id)).state), {
        timeout: 30_000,
        interval: 50,
      });
      return job(actor, id);
    },
  };
}
