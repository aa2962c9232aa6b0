import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config';
import { installGroupCommit } from './group-commit';
import { migrationProvider, migrations } from './migrations/index';
import type { Database } from './schema';
import { SplitSqliteDialect } from './sqlite-split';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
  /**
   * PostgreSQL only: a dedicated connection LISTENing on `channel` (for events shared between server processes).
   * Returns a function that stops listening.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

// pg returns int8 (count(*), sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface OpenOptions {
  /** PostgreSQL only: a schema to create (if missing) and use as search_path; isolates test files. */
  schema?: string;
  poolSize?: number;
  /** SQLite only: batch concurrent transactions into one commit (default on; see group-commit.ts). */
  groupCommit?: boolean;
  /** SQLite only: a second connection for reads outside transactions (default on; see sqlite-split.ts). */
  readerConnection?: boolean;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    // Durability first (architecture invariant 6): WAL + synchronous=FULL survives a power cut.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // A second connection for reads outside transactions (WAL readers do not wait for the writer).
    let reader: SqliteDatabase.Database | null = null;
    if (target.file !== ':memory:' && options.readerConnection !== false) {
      reader = new SqliteDatabase(target.file);
      reader.pragma('busy_timeout = 5000');
      reader.pragma('query_only = ON');
    }
    const db = new Kysely<Database>({
      dialect: new SplitSqliteDialect(withStatementCache(sqlite), reader ? withStatementCache(reader) : null),
    });
    if (options.groupCommit !== false) installGroupCommit(db);
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const schema = options.schema;
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) schemaOf.set(db, schema);
  const listen = async (channel: string, onPayload: (payload: string) => void) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel ${channel}`);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    client.on('notification', (n) => {
      if (n.channel === channel && n.payload) onPayload(n.payload);
    });
    client.on('error', () => undefined);
    await client.query(`LISTEN ${channel}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  };
  return { db, dialect: 'postgres', close: () => db.destroy(), listen };
}

/** The PostgreSQL schema a handle was opened on, so the migrator looks for its table there and not in another schema. */
const schemaOf = new WeakMap<Db, string>();

function migratorFor(db: Db): Migrator {
  const schema = schemaOf.get(db);
  return new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, and preparing costs ~10% of an
 * audited write. Cache prepared statements by SQL text (bounded; schema changes clear it).
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = sqlite.prepare(sqlText);
        if (/^\s*(create|alter|drop)\b/i.test(sqlText)) cache.clear();
        else {
          if (cache.size >= 1000) cache.clear();
          cache.set(sqlText, stmt);
        }
      }
      return stmt;
    },
  };
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = migratorFor(db);
  const before = new Set((await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, alreadyApplied: [...before] };
}

/** True when every known migration has been applied (readiness check). */
export async function migrationsCurrent(db: Db): Promise<{ current: boolean; pending: string[] }> {
  const migrator = migratorFor(db);
  const all = await migrator.getMigrations();
  const pending = all.filter((m) => !m.executedAt).map((m) => m.name);
  return { current: pending.length === 0 && all.length === Object.keys(migrations).length, pending };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
