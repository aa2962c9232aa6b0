import type { Db } from '../../platform/db/database';
import { newId, nowIso } from '../../platform/ids';

/**
 * How outbound SCRIPT messages leave the pharmacy. The default implementation is an outbox: the message is stored
 * (erx_messages, direction 'out', status 'queued') in the same transaction as the workflow change; a network adapter
 * (e.g. a Surescripts connection) reads the outbox, sends, and marks rows sent. Tests read the outbox.
 */
export interface ErxTransport {
  send(
    trx: Db,
    m: {
      siteId: string;
      messageType: string;
      messageId: string;
      relatesTo?: string | null;
      xml: string;
      prescriptionId: string | null;
    },
  ): Promise<string>;
}

export const outboxTransport: ErxTransport = {
  async send(trx, m) {
    const id = newId();
    await trx
      .insertInto('erx_messages')
      .values({
        id,
        site_id: m.siteId,
        direction: 'out',
        message_type: m.messageType,
        message_id: m.messageId,
        relates_to: m.relatesTo ?? null,
        raw: m.xml,
        parsed_json: null,
        status: 'queued',
        prescription_id: m.prescriptionId,
        at: nowIso(),
      })
      .execute();
    return id;
  },
};
