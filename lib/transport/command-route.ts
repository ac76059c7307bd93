import "server-only";
import type { z } from "zod";
import type { Command } from "../authz/command.ts";
import type { Actor } from "../authz/principal.ts";
import { db, type Db } from "../db/client.ts";
import { ndjsonResponse, type StreamEvent } from "../http/ndjson.ts";
import { defineRoute, type RouteInput, type RouteOptions } from "./route.ts";

type Mapping<I, R, B extends z.ZodType, Q extends z.ZodType, P> = {
  /**
   * The request, already parsed by the route's contract schemas, mapped onto the command's
   * input. It may look names up (the MI names users and roles, not ids) but never re-validates.
   */
  input: (request: RouteInput<B, Q, P>, actor: Actor, client: Db) => I | Promise<I>;
} & (
  | {
      /** The answer in the API's own shape; a Response is sent as it is. The request is there for links (a next page's URL). */
      reply: (result: R, input: I, request: Request) => unknown;
    }
  | { /** Stream NDJSON progress lines, then the result as the summary line (lib/http/ndjson.ts). */ stream: true }
);

/** A REST handler for a command: the route's contract in, the API's answer out, errors in the API's shape. */
export function commandRoute<
  I,
  R,
  P = Record<string, string>,
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodType<Record<string, string>>,
>(command: Command<I, R>, options: Omit<RouteOptions<B, Q>, "feature"> & Mapping<I, R, B, Q, P>) {
  const { input, ...rest } = options;
  const route = { ...rest, feature: command.feature };
  return defineRoute<P, B, Q>(route, async (request, actor) => {
    const client = db();
    const value = await input(request, actor, client);
    if ("stream" in options) {
      const summary = (send: (e: StreamEvent) => void) => command.run(client, actor, value, (p) => send({ type: "progress", ...p }));
      return ndjsonResponse(async (send) => (await summary(send)) as Record<string, unknown>);
    }
    return options.reply(await command.run(client, actor, value), value, request.request);
  });
}
