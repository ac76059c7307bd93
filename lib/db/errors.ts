/**
 * Constraint violations, recognised the same way on both providers. Prisma reports them as
 * P2002/P2003 from its query API, but as P2010 ("raw query failed") from $queryRaw and
 * $executeRaw; in every case the driver adapter's error (kept in `meta.driverAdapterError`,
 * or as `cause` when the adapter's error escapes unwrapped) names the kind.
 */
type ViolationKind = "UniqueConstraintViolation" | "ForeignKeyConstraintViolation";

const PRISMA_CODE: Record<ViolationKind, string> = { UniqueConstraintViolation: "P2002", ForeignKeyConstraintViolation: "P2003" };

function adapterKind(error: object): unknown {
  const meta = "meta" in error ? (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined) : undefined;
  const cause = "cause" in error ? (error.cause as { kind?: unknown } | undefined) : undefined;
  return meta?.driverAdapterError?.cause?.kind ?? cause?.kind;
}

function isViolation(error: unknown, kind: ViolationKind): boolean {
  if (typeof error !== "object" || error === null) return false;
  return ("code" in error && error.code === PRISMA_CODE[kind]) || adapterKind(error) === kind;
}

/** Another transaction inserted the same unique key first (two creates of one name). */
export const isUniqueViolation = (error: unknown) => isViolation(error, "UniqueConstraintViolation");

/** A referenced row is gone: deleted by a transaction that committed after this one read it. */
export const isForeignKeyViolation = (error: unknown) => isViolation(error, "ForeignKeyConstraintViolation");
