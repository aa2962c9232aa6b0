import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { migrationsCurrent, ping } from '../../platform/db/database';

export function registerHealthRoutes({ app, services }: RegisterArgs): void {
  const pub = { access: { public: true } } as const;
  app.get(
    '/healthz',
    { config: pub, schema: { tags: ['health'], summary: 'Liveness: the process is up' } },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    {
      config: pub,
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.string(),
            migrations: z.literal('current'),
          }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      const { db, dialect } = services.database;
      try {
        await ping(db);
        const m = await migrationsCurrent(db);
        if (!m.current)
          return reply
            .status(503)
            .send({ status: 'not_ready' as const, reason: `pending migrations: ${m.pending.join(', ')}` });
        return { status: 'ready' as const, database: dialect, migrations: 'current' as const };
      } catch (err) {
        return reply
          .status(503)
          .send({ status: 'not_ready' as const, reason: `database unreachable: ${(err as Error).message}` });
      }
    },
  );
}
