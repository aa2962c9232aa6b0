import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * SQLite dialect with one writer and one reader connection on the same WAL database file.
 *
 * Kysely's stock SQLite driver has a single connection, so every read outside a transaction waits behind whatever
 * transaction (or group-commit batch) holds it. WAL lets readers proceed while a writer works, so plain SELECTs
 * outside transactions go to the reader (they see committed data, as any other connection would) and everything
 * else — writes, and every statement inside a transaction — goes to the writer under a mutex. Written by hand because
 * Kysely ships no such driver; it follows Kysely's own SqliteDriver for statement execution.
 */
export interface StatementSource {
  prepare(sql: string): SqliteDatabase.Statement;
  close(): void;
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release: () => void = () => {};
    const next = new Promise<void>((r) => {
      release = r;
    });
    const wait = this.#tail;
    this.#tail = wait.then(() => next);
    return wait.then(() => release);
  }
}

function run(db: StatementSource, q: CompiledQuery): QueryResult<unknown> {
  const stmt = db.prepare(q.sql);
  const params = q.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(params) };
  const { changes, lastInsertRowid } = stmt.run(params);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class RoutedConnection implements DatabaseConnection {
  release: (() => void) | null = null;
  constructor(private readonly driver: SplitSqliteDriver) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.release) return run(this.driver.writer, q) as QueryResult<R>;
    if (this.driver.reader && SelectQueryNode.is(q.query))
      return run(this.driver.reader, q) as QueryResult<R>;
    const release = await this.driver.mutex.lock();
    try {
      return run(this.driver.writer, q) as QueryResult<R>;
    } finally {
      release();
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; refuse clearly rather than silently.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported by the Apotheca SQLite driver');
  }
}

class SplitSqliteDriver implements Driver {
  readonly mutex = new Mutex();
  constructor(
    readonly writer: StatementSource,
    readonly reader: StatementSource | null,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    const c = conn as RoutedConnection;
    const release = await this.mutex.lock();
    try {
      run(this.writer, CompiledQuery.raw('begin'));
      c.release = release;
    } catch (err) {
      release();
      throw err;
    }
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await this.#end(conn as RoutedConnection, 'commit');
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await this.#end(conn as RoutedConnection, 'rollback');
  }
  async #end(c: RoutedConnection, how: 'commit' | 'rollback') {
    try {
      run(this.writer, CompiledQuery.raw(how));
    } catch (err) {
      // A failed COMMIT leaves the transaction open in SQLite: roll it back so the writer is usable again.
      if (how === 'commit') {
        try {
          run(this.writer, CompiledQuery.raw('rollback'));
        } catch {
          /* already closed */
        }
      }
      throw err;
    } finally {
      const release = c.release;
      c.release = null;
      release?.();
    }
  }
  async savepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }
}

export class SplitSqliteDialect implements Dialect {
  constructor(
    private readonly writer: StatementSource,
    private readonly reader: StatementSource | null,
  ) {}
  createDriver(): Driver {
    return new SplitSqliteDriver(this.writer, this.reader);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
