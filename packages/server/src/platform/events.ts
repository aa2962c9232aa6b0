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
    this.emit('local', e);
    this.emit('event', e);
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
