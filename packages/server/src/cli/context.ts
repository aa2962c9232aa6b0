import { loadConfig, parseDatabaseUrl } from '../platform/config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../platform/db/database';

export interface GlobalOpts {
  databaseUrl?: string;
  json?: boolean;
}

/** Opens the configured database (migrated to the latest version), runs `fn`, always closes. */
export async function withDatabase<T>(opts: GlobalOpts, fn: (db: DatabaseHandle) => Promise<T>): Promise<T> {
  const config = loadConfig({ databaseUrl: opts.databaseUrl, logLevel: 'silent' });
  const handle = await openDatabase(parseDatabaseUrl(config.databaseUrl));
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
