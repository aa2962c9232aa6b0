import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { header, medication, patient, pharmacy, prescriber, scriptMessage } from './arbitraries.testkit';
import { buildError, buildNewRx, buildScriptMessage, buildStatus } from './build';
import { SCRIPT_2017071_VERSION_ATTRIBUTES, SCRIPT_NAMESPACE } from './codes';
import { parseScriptMessage } from './parse';
import { buildErrorReply, replyTo } from './reply';
import type { ScriptMessage } from './types';

function parseOk(xml: string): ScriptMessage {
  const r = parseScriptMessage(xml);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.description} @ ${r.error.path}`);
  return r.message;
}

describe('round trip: build → parse gives the same message', () => {
  it('holds for every message type the codec builds', () => {
    fc.assert(
      fc.property(scriptMessage, (m) => {
        expect(parseOk(buildScriptMessage(m))).toEqual(m);
      }),
      { numRuns: 400 },
    );
  });

  it('holds for NewRx specifically (the intake path)', () => {
    const newRx = fc.record({
      header,
      body: fc.record({ patient, pharmacy, prescriber, medication: medication(true) }),
    });
    fc.assert(
      fc.property(newRx, (m) => {
        expect(parseOk(buildNewRx(m))).toEqual({ ...m, type: 'NewRx' });
      }),
      { numRuns: 200 },
    );
  });
});

describe('document shape', () => {
  const xml = buildStatus({
    to: 'EHR1',
    from: 'PHARM1',
    relatesToMessageId: 'm1',
    code: '010',
    messageId: 's1',
    sentTime: '2026-01-01T00:00:00Z',
  });

  it('is a Message with the SCRIPT namespace and the 2017071 version attributes', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message ')).toBe(true);
    expect(xml).toContain(`xmlns="${SCRIPT_NAMESPACE}"`);
    for (const [k, v] of Object.entries(SCRIPT_2017071_VERSION_ATTRIBUTES))
      expect(xml).toContain(`${k}="${v}"`);
    expect(xml).toContain('<Body><Status><Code>010</Code></Status></Body>');
  });

  it('generates MessageID and SentTime when left out', () => {
    const m = parseOk(buildStatus({ to: 'a', from: 'b', relatesToMessageId: 'c', code: '000' }));
    expect(m.header.messageId.length).toBeGreaterThan(8);
    expect(Number.isNaN(Date.parse(m.header.sentTime))).toBe(false);
  });

  it('escapes markup in text and attributes', () => {
    const out = buildError({
      to: 'a<b',
      toQualifier: '"&"',
      from: 'x',
      code: '900',
      description: '</Description><Code>000',
    });
    const m = parseOk(out);
    expect(m.type).toBe('Error');
    expect(m.header.to).toBe('a<b');
    expect(m.header.toQualifier).toBe('"&"');
    if (m.type === 'Error')
      expect(m.body).toEqual({ code: '900', descriptionCodes: [], description: '</Description><Code>000' });
  });

  it('drops characters XML cannot carry instead of writing a broken document', () => {
    const m = parseOk(
      buildError({ to: 'a\u0000b\uFFFF', from: 'x', code: '900', description: 'bell\u0007' }),
    );
    expect(m.header.to).toBe('ab');
  });

  it('truncates Error and Status Description to 70 characters (an..70)', () => {
    const m = parseOk(buildError({ to: 'a', from: 'b', code: '900', description: 'x'.repeat(200) }));
    expect(m.type === 'Error' && m.body.description?.length).toBe(70);
  });
});

describe('replies', () => {
  it('replyTo swaps To/From, relates to the MessageID and echoes references', () => {
    const h = {
      to: 'PHARM',
      toQualifier: 'P',
      from: 'EHR',
      fromQualifier: 'D',
      messageId: 'M1',
      sentTime: '2026-01-01T00:00:00Z',
      prescriberOrderNumber: 'PON1',
    };
    const m = parseOk(buildStatus({ ...replyTo(h), code: '010' }));
    expect(m.header).toMatchObject({
      to: 'EHR',
      toQualifier: 'D',
      from: 'PHARM',
      fromQualifier: 'P',
      relatesToMessageId: 'M1',
      prescriberOrderNumber: 'PON1',
    });
    expect(m.type === 'Status' && m.body.code).toBe('010');
  });

  it('buildErrorReply answers a rejected message with its code, description and addressing', () => {
    const bad =
      '<Message><Header><To>PHARM</To><From>EHR</From><MessageID>M9</MessageID><SentTime>2026-01-01T00:00:00Z</SentTime></Header><Body><RxFill/></Body></Message>';
    const r = parseScriptMessage(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const m = parseOk(buildErrorReply(r, 'OWN'));
    expect(m.header).toMatchObject({ to: 'EHR', from: 'PHARM', relatesToMessageId: 'M9' });
    expect(m.type === 'Error' && m.body.code).toBe('601');
  });

  it('buildErrorReply still produces a readable Error for non-XML input', () => {
    const r = parseScriptMessage('not xml at all');
    if (r.ok) throw new Error('expected failure');
    const m = parseOk(buildErrorReply(r, 'OWN'));
    expect(m.header).toMatchObject({ to: 'UNKNOWN', from: 'OWN' });
    expect(m.header.relatesToMessageId).toBeUndefined();
    expect(m.type === 'Error' && m.body.code).toBe('900');
  });
});
