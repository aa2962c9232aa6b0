/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { SCRIPT_LIMITS } from './codes';
import { fixture } from './fixtures.testkit';
import { parseScriptMessage } from './parse';

const NEWRX = fixture('newrx-lisinopril.xml');
const HEADER =
  '<Header><To>P1</To><From>D1</From><MessageID>M1</MessageID><SentTime>2026-01-01T00:00:00Z</SentTime></Header>';

function rejected(input: unknown, code = '900') {
  const r = parseScriptMessage(input as string);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(r.error.code).toBe(code);
  expect(r.error.description.length).toBeGreaterThan(0);
  return r.error;
}

describe('hostile and malformed input → SCRIPT Error, never a throw', () => {
  it('rejects an external entity (XXE) before any parsing', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]><Message>${HEADER}<Body><Status><Code>&x;</Code></Status></Body></Message>`;
    expect(rejected(xxe).description).toMatch(/DOCTYPE/);
  });

  it('rejects the billion-laughs entity bomb', () => {
    const bomb = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Message>&lol2;</Message>`;
    expect(rejected(bomb).description).toMatch(/DOCTYPE/);
  });

  it('rejects a lowercase or spaced doctype as well', () => {
    rejected(`<! doctype Message><Message/>`);
  });

  it('rejects references to undefined entities and stray ampersands', () => {
    const e = rejected(NEWRX.replace('Sampleperson', '&undefined;'));
    expect(e.path).toBe('Message/Body/NewRx/Patient/HumanPatient/Name/LastName');
    rejected(NEWRX.replace('Sampleperson', 'Smith & Sons'));
    rejected(NEWRX.replace('Sampleperson', '&#0;'));
  });

  it('decodes the predefined entities and character references', () => {
    const r = parseScriptMessage(NEWRX.replace('Sampleperson', '&lt;&#65;&#x42;&apos;&quot;&gt;'));
    expect(r.ok && r.message.type === 'NewRx' && r.message.body.patient.name.lastName).toBe(`<AB'">`);
  });

  it('rejects documents over the size limit', () => {
    const big = NEWRX.replace('<Note>', `<Note>${'x'.repeat(SCRIPT_LIMITS.maxChars)}`);
    expect(rejected(big).description).toMatch(/exceeds/);
  });

  it('rejects nesting deeper than the limit', () => {
    const deep = `<Message>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</Message>`;
    expect(rejected(deep).description).toMatch(/nested deeper/);
  });

  it('rejects non-XML text with a clear description', () => {
    expect(rejected('Hello, pharmacy!').description).toMatch(/not XML/);
    expect(rejected('{"NewRx": {}}').description).toMatch(/not XML/);
    expect(rejected('').description).toMatch(/empty/);
    expect(rejected('   \n').description).toMatch(/empty/);
  });

  it('rejects values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, [], Buffer.from('<Message/>')]) rejected(v);
  });

  it('rejects truncated and mismatched markup', () => {
    expect(rejected(NEWRX.slice(0, NEWRX.length / 2)).description).toMatch(/Malformed XML/);
    rejected('<Message><Header></Message>');
    rejected('<Message a="1" a="2"/>');
  });

  it('rejects control characters XML 1.0 forbids', () => {
    rejected(NEWRX.replace('Sampleperson', 'Sample\u0001person'));
  });

  it('rejects a wrong root element or several roots', () => {
    expect(rejected('<NewRx/>').description).toMatch(/Root element must be Message/);
    rejected('<Message/><Other/>');
    const twice = rejected('<Message/><Message/>');
    expect(twice.descriptionCode).toBe('002');
  });

  it('rejects an unknown message type with 900', () => {
    const e = rejected(`<Message>${HEADER}<Body><FreeBeer/></Body></Message>`);
    expect(e.description).toMatch(/Unknown message type FreeBeer/);
  });

  it('answers SCRIPT transactions it does not support with 601', () => {
    const e = rejected(`<Message>${HEADER}<Body><RxFill/></Body></Message>`, '601');
    expect(e.path).toBe('Message/Body/RxFill');
  });

  it('answers veterinary patients with 601', () => {
    const vet = NEWRX.replace(
      /<HumanPatient>[\s\S]*<\/HumanPatient>/,
      '<NonHumanPatient><Name>Rex</Name></NonHumanPatient>',
    );
    rejected(vet, '601');
  });

  it('rejects a Body with two transactions', () => {
    rejected(
      `<Message>${HEADER}<Body><Status><Code>000</Code></Status><Error><Code>900</Code></Error></Body></Message>`,
    );
  });

  it('rejects a repeated single element with DescriptionCode 002 (too many repetitions)', () => {
    const e = rejected(NEWRX.replace('<Gender>F</Gender>', '<Gender>F</Gender><Gender>M</Gender>'));
    expect(e).toMatchObject({
      descriptionCode: '002',
      path: 'Message/Body/NewRx/Patient/HumanPatient/Gender',
    });
  });

  it('rejects more repetitions than a repeating element allows', () => {
    const codes = '<DescriptionCode>001</DescriptionCode>'.repeat(11);
    const e = rejected(
      `<Message>${HEADER.replace('</Header>', '<RelatesToMessageID>X</RelatesToMessageID></Header>')}<Body><Status><Code>000</Code>${codes}</Status></Body></Message>`,
    );
    expect(e.descriptionCode).toBe('002');
  });

  it('rejects prototype-polluting element names without touching Object.prototype', () => {
    rejected(`<Message>${HEADER}<Body><__proto__><polluted>yes</polluted></__proto__></Body></Message>`);
    rejected(`<Message>${HEADER}<Body><constructor/></Body></Message>`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a leading byte order mark and CDATA text', () => {
    const r = parseScriptMessage(`\uFEFF${NEWRX.replace('Sampleperson', '<![CDATA[Sample&person]]>')}`);
    expect(r.ok && r.message.type === 'NewRx' && r.message.body.patient.name.lastName).toBe('Sample&person');
  });
});
