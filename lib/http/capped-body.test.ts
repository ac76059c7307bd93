import { describe, expect, it } from "vitest";
import { readCappedText } from "./capped-body.ts";

/** A chunked body with no Content-Length, counting the chunks the reader asked for. */
function chunked(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { request: new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("readCappedText", () => {
  it("reads a body up to the limit, decoding as Request.text() does (BOM dropped)", async () => {
    expect(await readCappedText(new Request("http://x/", { method: "POST", body: "\uFEFFhé" }), 6)).toBe("hé");
    expect(await readCappedText(new Request("http://x/", { method: "POST" }), 5)).toBe("");
  });

  it("refuses a declared length over the limit, and stops a chunked body at the limit", async () => {
    const declared = new Request("http://x/", { method: "POST", body: "abc", headers: { "content-length": "9999" } });
    expect(await readCappedText(declared, 100)).toBeNull();
    const big = chunked(1000, 1024);
    expect(await readCappedText(big.request, 10 * 1024)).toBeNull();
    expect(big.pulled()).toBeLessThan(20);
  });
});
