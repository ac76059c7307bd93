/**
 * Work to do when a transaction rolls back, outside it. An external user store's directory
 * takes a write inside a Gatehouse transaction but cannot be rolled back with it: when the
 * transaction then fails (a unique violation, a stale version), the mirror must be brought back
 * in step with what the directory now holds, and that can only happen once the failed
 * transaction is gone (docs/user-stores.md, "When Gatehouse's write fails after the directory's").
 */
// Keyed by the transaction object; typed loosely because client.ts imports this file (no cycle).
type Hook = (client: never) => Promise<void>;
const hooks = new WeakMap<object, Hook[]>();

/** Runs `hook` with the client after `tx` rolls back; nothing if it commits. */
export function onRollback<C>(tx: object, hook: (client: C) => Promise<void>): void {
  const list = hooks.get(tx) ?? [];
  list.push(hook as Hook);
  hooks.set(tx, list);
}

/**
 * Makes the client's interactive transactions run their rollback hooks, in order, after a
 * failure and before the caller sees it. A hook's own failure is its own to report: it never
 * replaces the transaction's error.
 */
type Transaction = (arg: unknown, options?: unknown) => Promise<unknown>;

export function withRollbackHooks<C extends object>(client: C): C {
  const transaction = (client as unknown as { $transaction: Transaction }).$transaction.bind(client);
  const wrapped = (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return transaction(arg, options);
    let opened: object | undefined;
    const work = (tx: object) => {
      opened = tx;
      return (arg as (tx: object) => Promise<unknown>)(tx);
    };
    return transaction(work, options).catch(async (error: unknown) => {
      const pending = opened ? hooks.get(opened) : undefined;
      if (opened) hooks.delete(opened);
      for (const hook of pending ?? []) await (hook as (c: C) => Promise<void>)(client).catch(() => undefined);
      throw error;
    });
  };
  (client as { $transaction: unknown }).$transaction = wrapped;
  return client;
}
