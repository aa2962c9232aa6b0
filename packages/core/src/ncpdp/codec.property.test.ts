import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldText, requestArb, responseArb } from './arbitraries.testkit';
import { decodeD0, encodeD0 } from './d0';
import type { D0Error } from './errors';
import { buildD0Frame, parseD0Frame } from './frame';
import { decodeRequest, encodeRequest } from './request';
import { decodeResponse, encodeResponse } from './response';

const RUNS = 300;

function expectNamedError(error: D0Error): void {
  expect(error.segment).toMatch(/^(header|frame|AM.{2})$/);
  expect(error.reason.length).toBeGreaterThan(0);
  expect(error.message).toContain(error.segment);
  if (error.field) expect(error.message).toContain(error.field);
}

/** Whatever the decoder accepts must encode and decode back to the same value. */
function expectStable(s: string): void {
  const r = decodeD0(s);
  if (!r.ok) {
    expectNamedError(r.error);
    return;
  }
  const again = decodeD0(encodeD0(r.value));
  expect(again).toEqual(r);
}

describe('round trip: any message the codec builds decodes to the same data', () => {
  it('requests (every request segment, field kind and repeating group)', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const wire = encodeRequest(req);
        expect(decodeRequest(wire)).toEqual({ ok: true, value: req });
        // The field-level frame is lossless too.
        const frame = parseD0Frame(wire);
        expect(frame.ok && buildD0Frame(frame.value)).toBe(wire);
      }),
      { numRuns: RUNS },
    );
  });

  it('responses (every response segment, field kind and repeating group)', () => {
    fc.assert(
      fc.property(responseArb, (res) => {
        const wire = encodeResponse(res);
        expect(decodeResponse(wire)).toEqual({ ok: true, value: res });
        expect(decodeD0(wire)).toEqual({ ok: true, value: res });
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON of a decoded message is valid encoder input (CLI decode --json / encode)', () => {
    fc.assert(
      fc.property(fc.oneof(requestArb, responseArb), (m) => {
        const wire = encodeD0(m);
        const decoded = decodeD0(wire);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(encodeD0(JSON.parse(JSON.stringify(decoded.value)))).toBe(wire);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fuzz: hostile input never throws', () => {
  const separatorHeavy = fc
    .array(fc.oneof(fc.constantFrom('\x1c', '\x1d', '\x1e', 'AM', 'D0', '07', '{', 'J'), fieldText(6)))
    .map((parts) => parts.join(''));

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), separatorHeavy), (s) => {
        for (const decode of [decodeRequest, decodeResponse, decodeD0, parseD0Frame]) {
          const r = decode(s);
          if (!r.ok) expectNamedError(r.error);
        }
        expectStable(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary prefixes of a valid request header and body', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), separatorHeavy),
        fc.constantFrom(
          '016904D0B1SMAR0     1011326148644     20220722          ',
          'D0B11A011326148644     20220722',
        ),
        (tail, header) => expectStable(header + tail),
      ),
      { numRuns: 1000 },
    );
  });

  it('truncations of valid messages', () => {
    fc.assert(
      fc.property(fc.oneof(requestArb, responseArb), fc.nat(), (m, cut) => {
        const wire = encodeD0(m);
        expectStable(wire.slice(0, cut % (wire.length + 1)));
      }),
      { numRuns: RUNS },
    );
  });

  it('single-character mutations of valid messages', () => {
    const replacement = fc.oneof(
      fc.constantFrom('\x1c', '\x1d', '\x1e', '}', 'A', '0', ' ', '9'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(requestArb, responseArb),
        fc.nat(),
        replacement,
        fc.boolean(),
        (m, at, ch, insert) => {
          const wire = encodeD0(m);
          const i = at % (wire.length + 1);
          const mutated = wire.slice(0, i) + ch + wire.slice(insert ? i : i + 1);
          expectStable(mutated);
        },
      ),
      { numRuns: 600 },
    );
  });
});
