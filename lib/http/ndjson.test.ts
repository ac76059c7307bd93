import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { ndjsonResponse } from "./ndjson.ts";

const lines = async (response: Response) =>
  (await response.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("bulk progress streams", () => {
  it("ends with the summary when the work succeeds", async () => {
    const response = await ndjsonResponse(async (send) => {
      send({ type: "progress", done: 1, total: 2 });
      send({ type: "progress", done: 2, total: 2 });
      return { succeeded: 2 };
    });
    expect(response.status).toBe(200);
    expect(await lines(response)).toEqual([
      { type: "progress", done: 1, total: 2 },
      { type: "progress", done: 2, total: 2 },
      { type: "summary", succeeded: 2 },
    ]);
  });

  it("fails with the error itself, so the status line says so, when nothing was streamed yet", async () => {
    await expect(ndjsonResponse(async () => Promise.reject(new AppError("NOT_FOUND", "No such role.")))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(ndjsonResponse(async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
  });

  it("ends with an error line, never a summary, when the work fails after progress was sent", async () => {
    const response = await ndjsonResponse(async (send) => {
      send({ type: "progress", done: 1, total: 2 });
      throw new AppError("CONFLICT", "Someone else changed it.");
    });
    expect(await lines(response)).toEqual([
      { type: "progress", done: 1, total: 2 },
      { type: "error", code: "CONFLICT", message: "Someone else changed it." },
    ]);
  });
});
