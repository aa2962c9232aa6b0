import type { Db } from '../../platform/db/database';
import { newId, nowIso } from '../../platform/ids';

export type NotificationKind = 'ready_for_pickup' | 'refill_due' | 'delay' | 'renewal_requested';

/**
 * Patient notifications go to an outbox in the same transaction as the event that causes them; adapters
 * (console/file by default, SMS or e-mail at a site) deliver them later and mark them sent.
 */
export async function enqueueNotification(
  trx: Db,
  n: {
    siteId: string;
    patientId: string;
    kind: NotificationKind;
    payload: Record<string, unknown>;
    channel?: string;
  },
) {
  const patient = await trx
    .selectFrom('patients')
    .select(['preferences_json'])
    .where('id', '=', n.patientId)
    .executeTakeFirst();
  const prefs = JSON.parse(patient?.preferences_json ?? '{}') as { notificationChannel?: string };
  await trx
    .insertInto('notifications')
    .values({
      id: newId(),
      site_id: n.siteId,
      patient_id: n.patientId,
      kind: n.kind,
      channel: n.channel ?? prefs.notificationChannel ?? 'console',
      payload_json: JSON.stringify(n.payload),
      status: 'pending',
      created_at: nowIso(),
      sent_at: null,
    })
    .execute();
}
