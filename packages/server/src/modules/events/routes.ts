import type { ServerResponse } from 'node:http';
import type { RegisterArgs } from '../../app';
import { type WorkEvent, workEvents } from '../../platform/events';
import { ctxOf } from '../../platform/http';

/**
 * Server-sent events: queue changes for the caller's sites, as they commit. The workbench listens with
 * EventSource and refreshes what changed; a heartbeat comment every 20 s keeps proxies from closing the stream.
 */
export function registerEventRoutes({ app }: RegisterArgs): void {
  const open = new Set<ServerResponse>();
  // Long-lived streams would hold a graceful shutdown open: end them first.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  app.get(
    '/api/events',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags: ['prescriptions'],
        summary: 'Live queue changes (text/event-stream) for the caller’s sites',
      },
    },
    async (req, reply) => {
      const sites = new Set(ctxOf(req).actor.sitesWith('prescriptions.read'));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      res.write('retry: 3000\n\n');
      open.add(res);
      const onEvent = (e: WorkEvent) => {
        if (sites.has(e.siteId)) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      };
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
      workEvents.on('event', onEvent);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        workEvents.off('event', onEvent);
        open.delete(res);
      });
    },
  );
}
