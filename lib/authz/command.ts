import type { z } from "zod";
import type { Db } from "../db/client.ts";
import type { FeatureKey } from "./features.ts";
import type { Actor } from "./principal.ts";

/**
 * One operation, declared once and exposed by every transport through a thin adapter
 * (lib/transport/command-action.ts for server actions, command-route.ts for REST handlers).
 * The adapter decides `feature`, parses its input exactly once, runs `run`, and formats errors
 * its own way; the command never sees the transport.
 */
export type Command<I, R> = {
  /** The feature the actor must hold; "self" means any signed-in user acting on their own account. */
  readonly feature: FeatureKey | "self";
  /**
   * The transport-neutral input. An adapter whose wire shape is this shape parses with it; one
   * with its own wire shape (the MI's, APIM's) parses its contract and maps the result onto it.
   */
  readonly input: z.ZodType<I>;
  /**
   * The object rule, in words. `run` enforces it inside its transaction, with the rows as they
   * are then, so no page or adapter can disagree with it; this line documents it beside the feature.
   */
  readonly rule: string;
  /** The write (or read): validated input in, result out. Writes run in one transaction with their audit event. */
  readonly run: (client: Db, actor: Actor, input: I, progress?: Progress) => Promise<R>;
};

/** Long writes (bulk actions) report how far they are; adapters that can stream pass it on. */
export type Progress = (done: { done: number; total: number }) => void;

export function defineCommand<S extends z.ZodType, R>(command: {
  feature: FeatureKey | "self";
  input: S;
  rule: string;
  run: (client: Db, actor: Actor, input: z.output<S>, progress?: Progress) => Promise<R>;
}): Command<z.output<S>, R> {
  return command as Command<z.output<S>, R>;
}

/** The input type of a command, for adapters that name their generics. */
export type CommandInput<C> = C extends Command<infer I, unknown> ? I : never;
