import type { Db, Tx } from "./client.ts";

/**
 * `tx` as a client whose `$transaction(work)` runs `work` in `tx` itself, so commands that open
 * their own transaction (lib/roles/*) compose into one: a SCIM request that renames a group and
 * replaces its members commits both or neither. Options (timeouts) are the outer transaction's.
 * Methods are bound to `tx`, and the raw read path sees no registered driver, so every read and
 * write stays inside `tx`.
 */
export function joinTransaction(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, key) {
      if (key === "$transaction") return (work: (t: Tx) => Promise<unknown>) => work(target);
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (target, key) => key === "$transaction" || Reflect.has(target, key),
  }) as unknown as Db;
}
