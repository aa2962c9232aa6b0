// Addressing replies: a Status or Error goes back to the sender, relates to its MessageID and echoes the
// prescription references (as VA VistA PSOERXO1 does: To = original From, From = original To).
import { buildError, type ReplyInput } from './build';
import type { ParseResult, ScriptHeader } from './types';

/** Reply header fields for answering a message with this header. */
export function replyTo(header: ScriptHeader): ReplyInput {
  return {
    to: header.from,
    ...(header.fromQualifier ? { toQualifier: header.fromQualifier } : {}),
    from: header.to,
    ...(header.toQualifier ? { fromQualifier: header.toQualifier } : {}),
    relatesToMessageId: header.messageId,
    ...(header.prescriberOrderNumber ? { prescriberOrderNumber: header.prescriberOrderNumber } : {}),
    ...(header.rxReferenceNumber ? { rxReferenceNumber: header.rxReferenceNumber } : {}),
  };
}

/**
 * The SCRIPT Error answering a rejected message. Uses whatever header fields could be read; when the sender
 * is unknown (non-XML, no Header) the reply is addressed To "UNKNOWN" From `ownId`.
 */
export function buildErrorReply(
  failure: Extract<ParseResult, { ok: false }>,
  ownId: string,
  options: { messageId?: string; sentTime?: string } = {},
): string {
  const h = failure.header ?? {};
  const { code, descriptionCode, description } = failure.error;
  return buildError({
    to: h.from ?? 'UNKNOWN',
    from: h.to ?? ownId,
    ...(h.messageId ? { relatesToMessageId: h.messageId } : {}),
    ...(h.prescriberOrderNumber ? { prescriberOrderNumber: h.prescriberOrderNumber } : {}),
    ...(h.rxReferenceNumber ? { rxReferenceNumber: h.rxReferenceNumber } : {}),
    ...options,
    code,
    ...(descriptionCode ? { descriptionCode } : {}),
    description,
  });
}
