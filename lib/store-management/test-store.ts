import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { ConnectionStep } from "../user-stores/external/directory.ts";
import { closeDirectory, directoryForStore, type ExternalStoreRow } from "../user-stores/external/directory-for.ts";
import { readExternalStore } from "../user-stores/external/store-row.ts";
import { getStoreRow } from "./get-store.ts";
import { parseStoredSettings, sealSettings } from "./sealed-settings.ts";
import { ZStoreRef, ZTestSettings } from "./store-input.ts";

/** The saved store (`{ id }`), or settings from the form (a blank secret comes from the saved store `id`, if any). */
export const ZTestStore = z.union([ZTestSettings, ZStoreRef]);
export type TTestStore = z.infer<typeof ZTestStore>;

export type TestOutcome = { ok: boolean; steps: ConnectionStep[] };

// Unsaved settings get a directory of their own, under an id no row has, closed after the test.
let unsavedId = 0;

/** Runs "Test connection": each step in order with its result; a failure is an answer, not an error. */
export async function testStore(client: Db, actor: Actor, input: TTestStore): Promise<TestOutcome> {
  const tenantId = actor.tenantId;
  const saved = input.id === undefined ? null : await getStoreRow(client, tenantId, input.id);
  let row: ExternalStoreRow;
  if ("settings" in input) {
    if (saved && saved.type !== input.type) throw new AppError("INVALID_INPUT", `The ${saved.domain} store is ${saved.type}.`);
    const settings = sealSettings(input.type, input.settings, parseStoredSettings(saved?.settings ?? null));
    row = { id: --unsavedId, domain: saved?.domain ?? "the new", type: input.type, readOnly: input.readOnly, settings };
  } else {
    // As sign-in and sync read it (with its claim map), so the open directory is reused, not replaced.
    row = await readExternalStore(client, tenantId, saved!.id);
  }
  const steps = await runSteps(row);
  if (row.id < 0) await closeDirectory(row.id);
  const ok = steps.length > 0 && steps.every((s) => s.ok);
  await recordAudit(client, {
    tenantId,
    actor: { id: actor.userId, name: actor.displayName },
    action: "store.tested",
    target: { type: "userStore", id: saved?.id ?? null, name: saved?.domain ?? "unsaved settings" },
    after: { ok, failedStep: steps.find((s) => !s.ok)?.step ?? null },
    ip: actor.ip,
  });
  return { ok, steps };
}

async function runSteps(row: ExternalStoreRow): Promise<ConnectionStep[]> {
  const started = performance.now();
  try {
    return await directoryForStore(row).test();
  } catch (error) {
    // Opening the directory failed before any step (a type not built yet, a key that cannot unseal the secret).
    const detail = error instanceof AppError ? error.message : "The directory could not be opened.";
    return [{ step: "open", ok: false, detail, ms: Math.round(performance.now() - started) }];
  }
}
