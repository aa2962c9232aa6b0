// parseScriptMessage: untrusted SCRIPT XML in, a typed message or a SCRIPT Error description out. Never throws.
import { SCRIPT_ERROR_CODES, SCRIPT_UNSUPPORTED_TRANSACTIONS } from './codes';
import {
  readCancelRx,
  readCancelRxResponse,
  readNewRx,
  readRxChangeRequest,
  readRxChangeResponse,
  readRxRenewalRequest,
  readRxRenewalResponse,
  readStatusLike,
} from './parse-bodies';
import { compact } from './parse-parties';
import { Cursor, fail, missing, ScriptFailure } from './read';
import type { ParseResult, ScriptHeader, ScriptMessage, ScriptMessageType } from './types';
import { checkDateTime } from './values';
import { readScriptXml } from './xml';

/** Responses must say which message they answer (an Error may answer a message whose ID was unreadable). */
const NEEDS_RELATES_TO: ReadonlySet<ScriptMessageType> = new Set([
  'Status',
  'Verify',
  'CancelRxResponse',
  'RxRenewalResponse',
  'RxChangeResponse',
]);

/** Best-effort header read used to address an Error reply when the message itself is rejected. */
function partialHeader(message: unknown): Partial<ScriptHeader> | undefined {
  try {
    const h = new Cursor(message, 'Message').child('Header');
    if (!h) return undefined;
    const out = compact({
      to: h.opt('To'),
      from: h.opt('From'),
      messageId: h.opt('MessageID'),
      relatesToMessageId: h.opt('RelatesToMessageID'),
      prescriberOrderNumber: h.opt('PrescriberOrderNumber'),
      rxReferenceNumber: h.opt('RxReferenceNumber'),
    });
    return Object.keys(out).length > 0 ? out : undefined;
  } catch {
    return undefined;
  }
}

function readHeader(h: Cursor): ScriptHeader {
  const to = h.req('To');
  const from = h.req('From');
  const software = h.child('SenderSoftware');
  const senderSoftware = software
    ? compact({
        developer: software.opt('SenderSoftwareDeveloper'),
        product: software.opt('SenderSoftwareProduct'),
        versionRelease: software.opt('SenderSoftwareVersionRelease'),
      })
    : undefined;
  return compact({
    to: h.reqText('To'),
    toQualifier: to.attr('Qualifier'),
    from: h.reqText('From'),
    fromQualifier: from.attr('Qualifier'),
    messageId: h.reqText('MessageID'),
    relatesToMessageId: h.opt('RelatesToMessageID'),
    sentTime: checkDateTime(h.reqText('SentTime'), `${h.path}/SentTime`),
    rxReferenceNumber: h.opt('RxReferenceNumber'),
    prescriberOrderNumber: h.opt('PrescriberOrderNumber'),
    senderSoftware: senderSoftware && Object.keys(senderSoftware).length > 0 ? senderSoftware : undefined,
  });
}

function transactionOf(body: Cursor): Cursor {
  const names = body.childNames();
  if (names.length === 0) missing(`${body.path}/NewRx`);
  if (names.length > 1)
    fail(body.path, `Body must hold exactly one transaction, found ${names.slice(0, 3).join(', ')}`);
  const name = names[0] ?? '';
  if (SCRIPT_UNSUPPORTED_TRANSACTIONS.has(name))
    fail(
      `${body.path}/${name}`,
      `Transaction ${name} is not supported by this receiver`,
      SCRIPT_ERROR_CODES.receiverUnableToProcess,
    );
  return body.req(name);
}

function readMessage(root: Cursor): ScriptMessage {
  const header = readHeader(root.req('Header'));
  const t = transactionOf(root.req('Body'));
  const type = t.path.slice(t.path.lastIndexOf('/') + 1);
  if (NEEDS_RELATES_TO.has(type as ScriptMessageType) && !header.relatesToMessageId)
    missing('Message/Header/RelatesToMessageID');
  switch (type) {
    case 'NewRx':
      return { header, type, body: readNewRx(t) };
    case 'CancelRx':
      return { header, type, body: readCancelRx(t, header, 'Message/Header') };
    case 'CancelRxResponse':
      return { header, type, body: readCancelRxResponse(t) };
    case 'RxRenewalRequest':
      return { header, type, body: readRxRenewalRequest(t) };
    case 'RxRenewalResponse':
      return { header, type, body: readRxRenewalResponse(t) };
    case 'RxChangeRequest':
      return { header, type, body: readRxChangeRequest(t) };
    case 'RxChangeResponse':
      return { header, type, body: readRxChangeResponse(t) };
    case 'Status':
      return { header, type, body: readStatusLike(t) };
    case 'Error':
      return { header, type, body: readStatusLike(t) };
    case 'Verify':
      return { header, type, body: readStatusLike(t.req('VerifyStatus')) };
    default:
      return fail(t.path, `Unknown message type ${type.slice(0, 40)}`);
  }
}

/**
 * Parses a SCRIPT 2017071 message. On failure the result carries the SCRIPT Error code to answer with
 * (900 rejected, 601 unsupported), a description naming the element, its path, and whatever header fields
 * could be read so the reply can be addressed.
 */
export function parseScriptMessage(xml: string): ParseResult {
  const read = readScriptXml(xml);
  if (!read.ok) return { ok: false, error: read.error };
  try {
    return { ok: true, message: readMessage(new Cursor(read.message, 'Message')) };
  } catch (err) {
    const header = partialHeader(read.message);
    const error =
      err instanceof ScriptFailure
        ? err.detail
        : {
            code: SCRIPT_ERROR_CODES.transactionRejected,
            description: 'Message could not be read',
          };
    return header ? { ok: false, error, header } : { ok: false, error };
  }
}
