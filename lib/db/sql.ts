// Raw SQL fragments for the few queries Prisma's query API cannot express efficiently
// (keyset paging with row values). Both generated clients share this runtime, so one set of
// helpers serves SQLite and PostgreSQL; every value is sent as a bound parameter.
export { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
