import fs from 'node:fs';
import type { Db } from '../../platform/db/database';
import { nowIso } from '../../platform/ids';

export interface NotificationAdapter {
  channel: string;
  deliver(n: {
    id: string;
    kind: string;
    patientId: string | null;
    payload: Record<string, unknown>;
  }): Promise<void>;
}

/** Writes each message as a line to stdout (the default: no patient contact leaves the machine). */
export const consoleAdapter = (
  write: (s: string) => void = (s) => process.stdout.write(s),
): NotificationAdapter => ({
  channel: 'console',
  async deliver(n) {
    write(`[notification] ${n.kind} patient=${n.patientId ?? '-'} ${JSON.stringify(n.payload)}\n`);
  },
});

/** Appends JSON lines to a file, for a site's own SMS/e-mail gateway to pick up. */
export const fileAdapter = (file: string, channel = 'sms'): NotificationAdapter => ({
  channel,
  async deliver(n) {
    fs.appendFileSync(file, `${JSON.stringify({ ...n, at: nowIso() })}\n`);
  },
});

/**
 * Delivers pending notifications through the adapter of their channel (patients with no matching adapter fall back
 * to console); each is marked sent after its adapter returns, so a crash resends rather than loses.
 */
export async function deliverNotifications(db: Db, adapters: NotificationAdapter[], limit = 500) {
  const pending = await db
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  const byChannel = new Map(adapters.map((a) => [a.channel, a]));
  let sent = 0;
  for (const n of pending) {
    if (n.channel === 'none') {
      await db
        .updateTable('notifications')
        .set({ status: 'suppressed', sent_at: nowIso() })
        .where('id', '=', n.id)
        .execute();
      continue;
    }
    const adapter = byChannel.get(n.channel) ?? byChannel.get('console');
    if (!adapter) continue;
    await adapter.deliver({
      id: n.id,
      kind: n.kind,
      patientId: n.patient_id,
      payload: JSON.parse(n.payload_json) as Record<string, unknown>,
    });
    await db
      .updateTable('notifications')
      .set({ status: 'sent', sent_at: nowIso() })
      .where('id', '=', n.id)
      .execute();
    sent++;
  }
  return { sent, pending: pending.length };
}
