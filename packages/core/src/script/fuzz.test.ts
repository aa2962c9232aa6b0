import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptMessage } from './arbitraries.testkit';
import { buildScriptMessage } from './build';
import { fixture, fixtureNames } from './fixtures.testkit';
import { parseScriptMessage } from './parse';
import { buildErrorReply } from './reply';
import type { ParseResult } from './types';

const FIXTURES = fixtureNames().map(fixture);
const SCRIPT_ERROR_CODES = ['600', '601', '602', '900'];

/** The contract the endpoint relies on: never throws; a failure always carries a SCRIPT code and a reason. */
function checkContract(input: string): ParseResult {
  let r: ParseResult | undefined;
  expect(() => {
    r = parseScriptMessage(input);
  }).not.toThrow();
  if (!r) throw new Error('no result');
  if (!r.ok) {
    expect(SCRIPT_ERROR_CODES).toContain(r.error.code);
    expect(r.error.description.trim().length).toBeGreaterThan(0);
    // The Error reply for any failure is itself a readable SCRIPT Error.
    const reply = parseScriptMessage(buildErrorReply(r, 'SELF'));
    expect(reply.ok && reply.message.type).toBe('Error');
  }
  return r;
}

const fixtureArb = fc.constantFrom(...FIXTURES);

type Mutation = { kind: 'delete' | 'insert' | 'replace'; at: number; len: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '<',
      '>',
      '&',
      '</',
      '/>',
      '<!DOCTYPE x>',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '"',
      '<Body>',
      '</Header>',
      '<NewRx>',
      '\u0000',
    ),
  ),
});

function mutate(xml: string, ms: Mutation[]): string {
  let s = xml;
  for (const m of ms) {
    const at = m.at % (s.length + 1);
    if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else s = s.slice(0, at) + m.text + s.slice(at + m.len);
  }
  return s;
}

describe('fuzz: parseScriptMessage never throws and always answers with a SCRIPT code', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void checkContract(s)),
      { numRuns: 1000 },
    );
  });

  it('arbitrary unicode strings starting like XML', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (s) => void checkContract(`<Message>${s}`),
      ),
      { numRuns: 500 },
    );
  });

  it('mutated fixtures (inserted, deleted and replaced fragments)', () => {
    fc.assert(
      fc.property(
        fixtureArb,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (xml, ms) => void checkContract(mutate(xml, ms)),
      ),
      { numRuns: 1500 },
    );
  });

  it('truncated fixtures are always rejected', () => {
    fc.assert(
      fc.property(fixtureArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (xml, f) => {
        const cut = xml.slice(0, Math.floor(xml.trimEnd().length * f));
        const r = checkContract(cut);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('element names swapped for random names in built messages', () => {
    fc.assert(
      fc.property(scriptMessage, fc.nat(), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/), (m, n, name) => {
        const xml = buildScriptMessage(m);
        const tags = [...xml.matchAll(/<([A-Za-z]+)[ >]/g)];
        const tag = tags[n % tags.length]?.[1] ?? 'Message';
        checkContract(xml.replaceAll(`<${tag}>`, `<${name}>`).replaceAll(`</${tag}>`, `</${name}>`));
      }),
      { numRuns: 300 },
    );
  });
});
