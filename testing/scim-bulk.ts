/** A /scim2/Bulk caller for the route tests: builds RFC 7644 3.7 requests and checks the envelope. */
import { expect } from "vitest";
import * as bulk from "../app/scim2/Bulk/route.ts";
import { callRoute } from "./route-harness.ts";

import { BULK as REQUEST, CORE, GROUP, PATCH_OP as PATCH } from "./scim-client.ts";

export { CORE, GROUP, PATCH, REQUEST };
export const ORIGIN = "http://localhost:3000";
const RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

export type Op = { method: string; path: string; bulkId?: string; data?: unknown; version?: string };
export type Answer = {
  method: string;
  bulkId?: string;
  location?: string;
  version?: string;
  status: string;
  response?: Record<string, unknown>;
};

export const newGroup = (displayName: string, bulkId: string | undefined, members: string[]): Op => ({
  method: "POST",
  path: "/Groups",
  ...(bulkId ? { bulkId } : {}),
  data: { schemas: [GROUP], displayName, members: members.map((value) => ({ value })) },
});
export const newUser = (userName: string, bulkId?: string, extra: Record<string, unknown> = {}): Op => ({
  method: "POST",
  path: "/Users",
  ...(bulkId ? { bulkId } : {}),
  data: { schemas: [CORE], userName, ...extra },
});

/** The raw call: any body (a stream too), any Authorization. */
export const sendBulk = (authorization: string, body: string | ReadableStream, headers: Record<string, string> = {}) =>
  callRoute(
    bulk.POST as never,
    new Request(`${ORIGIN}/scim2/Bulk`, {
      method: "POST",
      headers: { authorization, "content-type": "application/scim+json", ...headers },
      body,
      ...(typeof body === "string" ? {} : { duplex: "half" }),
    } as RequestInit),
    {},
  );

/** Runs the operations and returns the BulkResponse's answers, after checking the envelope (200, media type, schema). */
export async function runBulk(authorization: string, operations: Op[], failOnErrors?: number): Promise<Answer[]> {
  const body = { schemas: [REQUEST], ...(failOnErrors ? { failOnErrors } : {}), Operations: operations };
  const answer = await sendBulk(authorization, JSON.stringify(body));
  expect(answer.status, await answer.clone().text()).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/scim+json");
  const json = (await answer.json()) as { schemas: string[]; Operations: Answer[] };
  expect(json.schemas).toEqual([RESPONSE]);
  return json.Operations;
}
