import { buildApp } from './app';
import type { Config } from './platform/config';
import { parseDatabaseUrl } from './platform/config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './platform/db/database';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  database: DatabaseHandle;
}

/** Opens the database, applies migrations, listens, and shuts down gracefully on SIGTERM/SIGINT. */
export async function startServer(
  config: Config,
  opts: { onReady?: (db: DatabaseHandle) => Promise<void>; handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const database = await openDatabase(parseDatabaseUrl(config.databaseUrl));
  await migrateToLatest(database.db);
  if (opts.onReady) await opts.onReady(database);
  const { app } = await buildApp({ config, database });
  const url = await app.listen({ port: config.port, host: config.host });
  let closing: Promise<void> | undefined;
  // Graceful: stop accepting, let in-flight requests finish (Fastify close), then release the database.
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await database.close();
    })();
    return closing;
  };
  if (opts.handleSignals !== false) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const)
      process.once(sig, () => {
        app.log.info({ signal: sig }, 'shutting down: finishing in-flight requests');
        close().then(
          () => process.exit(0),
          (err) => {
            app.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
  }
  return { url, close, database };
}
