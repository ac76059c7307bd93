import "server-only";
import type { z } from "zod";
import type { Command } from "../authz/command.ts";
import { db } from "../db/client.ts";
import { defineAction } from "./action.ts";

type Outcome<T> = { message: string; data?: T };

/**
 * A server action for a command: one line per operation in an app/ "use server" file. The form
 * is parsed once, with the command's input or, where the form asks for more (a password
 * confirmation), with a form schema whose output is the command's input. `done` turns the
 * result into the notice the form shows, and revalidates or redirects.
 */
export function commandAction<I, R, T = unknown>(
  command: Command<I, R>,
  options: { form?: z.ZodType<NoInfer<I>>; done: (result: R, input: NoInfer<I>) => Outcome<T> | Promise<Outcome<T>> },
) {
  return defineAction({ feature: command.feature, schema: options.form ?? command.input }, async (input, actor) =>
    options.done(await command.run(db(), actor, input as I), input as I),
  );
}
