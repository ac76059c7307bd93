import type { Call } from "./isolation-matrix.ts";
import { request } from "./isolation-world.ts";
import { callRoute } from "./route-harness.ts";

/** Shared by the REST isolation matrices: a route handler called as tenant A's admin (console cookie). */
export type Handler = (r: Request, c: { params: Promise<never> }) => Promise<Response>;

/** A call of `handler` whose path, params and body are built from the id or name under test. */
export const route =
  (handler: unknown, method: string, path: (x: string) => string, params: (x: string) => object, body?: (x: string) => unknown): Call =>
  (w, x, pathTenant) =>
    callRoute(
      handler as Handler,
      request(method, path(x), {
        cookie: w.a.cookie,
        body: body?.(x),
        headers: pathTenant ? { "x-gatehouse-path-tenant": pathTenant } : {},
      }),
      params(x) as never,
    );

export const ids = (id: string) => ({ id });

/** A list call with nothing to substitute. */
export const get = (handler: unknown, path: string) =>
  route(
    handler,
    "GET",
    () => path,
    () => ({}),
  );
