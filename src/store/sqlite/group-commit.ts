import type { Db } from './database.ts';

/**
 * Group commit: calls made in the same turn of the event loop run together in one transaction
 * (up to `maxGroup`), each in its own savepoint (one failing rolls back only itself), so
 * concurrent webhooks share one commit and one log sync instead of queueing behind one each. A
 * caller's promise settles only after the shared commit is durable, so "resolved" means "on disk".
 */
export function groupCommit<A extends unknown[], R>(
  db: Db,
  fn: (...args: A) => R,
  /** Makes the group's commit durable before anyone is answered (wal-sync.ts). */
  afterCommit: () => Promise<void> = async () => {},
  /**
   * Calls per transaction at most (the rest go in the next turn): everyone in a group waits for
   * the whole group, so a turn's backlog after a stall is not answered all at once, late.
   */
  maxGroup = 8,
): (...args: A) => Promise<R> {
  interface Pending {
    args: A;
    resolve: (r: R) => void;
    reject: (e: unknown) => void;
  }
  const savepoint = db.transaction(fn);
  const queue: Pending[] = [];
  const flush = async () => {
    const batch = queue.splice(0, maxGroup);
    if (queue.length) setImmediate(() => void flush());
    const results: ({ ok: true; value: R } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const p of batch) {
          try {
            results.push({ ok: true, value: savepoint(...p.args) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    try {
      await afterCommit();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const r = results[i];
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  };
  return (...args: A) =>
    new Promise<R>((resolve, reject) => {
      if (!queue.length) setImmediate(() => void flush());
      queue.push({ args, resolve, reject });
    });
}
