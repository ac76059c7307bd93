import { describe, expect, it } from "vitest";

describe("the raw driver registry", () => {
  it("finds a client registered through another copy of the module, as a production build loads it", async () => {
    // A query suffix makes the module loader instantiate the file again, as a second bundle would.
    // TypeScript resolves no query suffix; the loader does, and the module's type is the file's.
    // @ts-expect-error -- see above
    const first = (await import("./raw-driver.ts?copy=first")) as typeof import("./raw-driver.ts");
    // @ts-expect-error -- see above
    const second = (await import("./raw-driver.ts?copy=second")) as typeof import("./raw-driver.ts");
    expect(first.registerRawDriver).not.toBe(second.registerRawDriver);
    const client = {};
    const driver = { read: () => undefined };
    first.registerRawDriver(client, driver);
    expect(second.rawDriverOf(client)).toBe(driver);
  });
});
