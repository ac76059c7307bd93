import { describe, expect, it } from "vitest";
import { isForeignKeyViolation, isUniqueViolation } from "./errors.ts";

// The shapes Prisma 6.19 throws through @prisma/adapter-pg and @prisma/adapter-better-sqlite3.
const adapterError = (kind: string) => ({ driverAdapterError: { name: "DriverAdapterError", cause: { kind } } });

describe("constraint violations", () => {
  it("recognises the query API's codes, raw queries' adapter errors, and a bare adapter error", () => {
    expect(isUniqueViolation({ code: "P2002", meta: adapterError("UniqueConstraintViolation") })).toBe(true);
    expect(isUniqueViolation({ code: "P2010", meta: adapterError("UniqueConstraintViolation") })).toBe(true);
    expect(isUniqueViolation({ name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation" } })).toBe(true);
    expect(isForeignKeyViolation({ code: "P2003", meta: adapterError("ForeignKeyConstraintViolation") })).toBe(true);
    expect(isForeignKeyViolation({ code: "P2010", meta: adapterError("ForeignKeyConstraintViolation") })).toBe(true);
  });

  it("does not mistake other errors for them", () => {
    expect(isUniqueViolation({ code: "P2003", meta: adapterError("ForeignKeyConstraintViolation") })).toBe(false);
    expect(isForeignKeyViolation({ code: "P2010", meta: adapterError("UniqueConstraintViolation") })).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isForeignKeyViolation("P2003")).toBe(false);
  });
});
