import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callServer, type Target } from "./api.ts";
import { CliError, EXIT } from "./exit-codes.ts";

// A stand-in server: Gatehouse's 429 carries its own message; another server's may carry only Retry-After.
let server: http.Server;
let target: Target;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/identity-server") {
      response.statusCode = 403;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ code: "FORBIDDEN", message: "Forbidden", description: "You do not have permission to view tenants." }));
      return;
    }
    response.setHeader("retry-after", "42");
    response.statusCode = 429;
    if (request.url === "/gatehouse") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ Error: "Too many sign-in attempts from your address; try again in 42 s." }));
    } else response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  target = { env: "t", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(path: string): Promise<CliError> {
  const error = await callServer(target, "POST", path, z.unknown()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe("a throttled call (HTTP 429)", () => {
  it("exits 8 with the server's message, which says when to retry", async () => {
    const error = await failure("/gatehouse");
    expect(error.exitCode).toBe(EXIT.throttled);
    expect(error.message).toBe("Too many sign-in attempts from your address; try again in 42 s.");
  });

  it("spells out Retry-After when the server sends no message", async () => {
    const error = await failure("/other");
    expect(error.exitCode).toBe(EXIT.throttled);
    expect(error.message).toBe("The server refuses more attempts for now (HTTP 429); try again in 42 s.");
  });
});

describe("WSO2 IS's error shape (/api/server/v1)", () => {
  it("says the description, not the status name in `message`, with the status's exit code", async () => {
    const error = await failure("/identity-server");
    expect(error.exitCode).toBe(EXIT.forbidden);
    expect(error.message).toBe("You do not have permission to view tenants.");
  });
});
