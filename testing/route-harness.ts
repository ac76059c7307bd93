// Calls App Router route handlers directly, the way Next.js would: inside a request scope
// where next/headers' cookies() and headers() read the Request, with a real session cookie
// obtained by signing in. Test files install the scope with:
//   vi.mock("next/headers", async () => (await import("<path>/testing/route-harness.ts")).nextHeaders);
import { AsyncLocalStorage } from "node:async_hooks";
import { encode } from "next-auth/jwt";
import type { TGatehouseConfig } from "../lib/config/schema.ts";
import type { Db } from "../lib/db/client.ts";
import { signInWithPassword } from "../lib/auth/sign-in.ts";
import { testConfig } from "./config.ts";

const TEST_SECRET = "route-harness-secret-not-for-production";
const scope = new AsyncLocalStorage<Request>();

function cookieJar(request: Request | undefined) {
  const pairs = (request?.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim())
    .filter(Boolean);
  const all = pairs.map((p) => ({ name: p.slice(0, p.indexOf("=")), value: p.slice(p.indexOf("=") + 1) }));
  return {
    get: (name: string) => all.find((c) => c.name === name),
    getAll: () => all,
    has: (name: string) => all.some((c) => c.name === name),
  };
}

export const nextHeaders = {
  cookies: async () => cookieJar(scope.getStore()),
  headers: async () => scope.getStore()?.headers ?? new Headers(),
};

/** Makes the app's db(), configuration and cookie secret those of the test. */
export function useTestApp(db: Db): void {
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  const holder = globalThis as unknown as { gatehouseDb?: Db; gatehouseConfig?: TGatehouseConfig };
  holder.gatehouseDb = db;
  holder.gatehouseConfig = testConfig();
}

/** Signs in through the real password check and returns the Cookie header a browser would send. */
export async function sessionCookie(db: Db, username: string, password: string): Promise<string> {
  const result = await signInWithPassword(db, testConfig(), { username, password, kind: "console" });
  if (!result.ok) throw new Error(`sign-in failed for ${username}`);
  const token = await encode({ token: { sid: result.sessionSecret }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export function callRoute<P>(handler: Handler<P>, request: Request, params: P): Promise<Response> {
  return scope.run(request, () => handler(request, { params: Promise.resolve(params) }));
}
