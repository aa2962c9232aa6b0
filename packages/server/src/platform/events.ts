import { EventEmitter } from 'node:events';

/** A change another user's screen should show at once (queue counts, a fill moving on). */
export interface WorkEvent {
  type: 'fill';
  siteId: string;
  fillId: string;
  state: string;
  action: string;
  at: string;
}

/**
 * In-process publish/subscribe for live screens, fed after a transaction commits (never before: a screen must not
 * show what could still roll back). With several server processes on PostgreSQL, events.ts bridges through
 * LISTEN/NOTIFY (see bridgePostgres) so every process's subscribers hear every change.
 */
class WorkEvents extends EventEmitter {
  publish(e: WorkEvent): void {
    this.emit('event', e);
    this.emit('published', e);
  }
}

export const workEvents = new WorkEvents();
workEvents.setMaxListeners(0);

export function publishFill(fill: { id: string; site_id: string; state: string }, action: string): void {
  workEvents.publish({
    type: 'fill',
    siteId: fill.site_id,
    fillId: fill.id,
    state: fill.state,
    action,
    at: new Date().toISOString(),
  });
}

const ORIGIN = `${process.pid}-${Math.random().toString(36).slice(2)}`;
export const WORK_CHANNEL = 'apotheca_work';

/**
 * Bridges the bus across server processes on PostgreSQL: what this process publishes is NOTIFYed (after its commit,
 * as publish itself is), and what other processes NOTIFY is re-emitted here. Events of this process are not echoed.
 */
export async function bridgeEventsThroughPostgres(
  notify: (channel: string, payload: string) => Promise<unknown>,
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
): Promise<() => Promise<void>> {
  const onPublished = (e: WorkEvent) => {
    void notify(WORK_CHANNEL, JSON.stringify({ origin: ORIGIN, event: e })).catch(() => undefined);
  };
  workEvents.on('published', onPublished);
  const stop = await listen(WORK_CHANNEL, (payload) => {
    try {
      const msg = JSON.parse(payload) as { origin: string; event: WorkEvent };
      if (msg.origin !== ORIGIN) workEvents.emit('event', msg.event);
    } catch {
      /* not ours */
    }
  });
  return async () => {
    workEvents.off('published', onPublished);
    await stop();
  };
}
