import type { ControlledTransaction, Kysely, Transaction } from 'kysely';

interface Job<DB> {
  fn: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the embedded SQLite database.
 *
 * With synchronous=FULL every COMMIT waits for an fsync (~3,600 commits/s here), so one transaction per request caps
 * audited writes. Instead of weakening durability (architecture invariant 6), concurrent use-case transactions
 * are run one after another inside ONE physical transaction, each in its own SAVEPOINT: a use case that fails
 * rolls back to its savepoint and leaves the others intact. Each caller's promise settles only after the shared
 * COMMIT has returned, so nothing is acknowledged before it is durable. Under no load a batch holds one job, which
 * is exactly a normal transaction.
 *
 * SQLite already serializes writers; this changes nothing about isolation. PostgreSQL keeps ordinary transactions.
 */
export class GroupCommitter<DB> {
  private readonly queue: Job<DB>[] = [];
  private running = false;
  private seq = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxBatch = 64,
  ) {}

  run<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) await this.batch();
    } finally {
      this.running = false;
    }
  }

  private async batch(): Promise<void> {
    const done: { job: Job<DB>; value: unknown }[] = [];
    let trx: ControlledTransaction<DB>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (err) {
      for (const job of this.queue.splice(0)) job.reject(err);
      return;
    }
    for (let n = 0; n < this.maxBatch; n++) {
      // Before committing, give the event loop one turn: requests that arrived meanwhile can join this batch.
      if (this.queue.length === 0) await new Promise<void>((r) => setImmediate(r));
      const job = this.queue.shift();
      if (!job) break;
      const name = `uc${++this.seq}`;
      try {
        const sp = await trx.savepoint(name).execute();
        try {
          const value = await job.fn(sp);
          await sp.releaseSavepoint(name).execute();
          done.push({ job, value });
        } catch (err) {
          await sp.rollbackToSavepoint(name).execute();
          await sp.releaseSavepoint(name).execute();
          job.reject(err);
        }
      } catch (err) {
        // The savepoint machinery itself failed: abandon the whole batch.
        await trx
          .rollback()
          .execute()
          .catch(() => {});
        job.reject(err);
        for (const d of done) d.job.reject(err);
        return;
      }
    }
    try {
      await trx.commit().execute();
    } catch (err) {
      for (const d of done) d.job.reject(err);
      return;
    }
    for (const d of done) d.job.resolve(d.value);
  }
}

/** Routes `db.transaction().execute(fn)` through the group committer, so every use case gets it unchanged. */
export function installGroupCommit<DB>(db: Kysely<DB>): void {
  const committer = new GroupCommitter(db);
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute: <T>(fn: (trx: Transaction<DB>) => Promise<T>) => committer.run(fn),
  };
  (db as unknown as { transaction: () => typeof builder }).transaction = () => builder;
}
