import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigDailyUse } from './daily-use';
import { parseSig } from './parse';
import { renderInstructions, renderSig } from './render';
import type { ParsedSig, SigInstruction } from './types';

interface Form {
  unit: string;
  norm: string;
  routes: [string, string, number][];
  halves: boolean;
}

/** Dose forms with the route abbreviations a prescriber pairs with them: [written, route, sites]. */
const FORMS: Form[] = [
  {
    unit: 'tab',
    norm: 'tablet',
    routes: [
      ['po', 'oral', 1],
      ['sl', 'sublingual', 1],
      ['by mouth', 'oral', 1],
    ],
    halves: true,
  },
  {
    unit: 'caps',
    norm: 'capsule',
    routes: [
      ['po', 'oral', 1],
      ['orally', 'oral', 1],
    ],
    halves: false,
  },
  { unit: 'ml', norm: 'mL', routes: [['po', 'oral', 1]], halves: true },
  {
    unit: 'gtt',
    norm: 'drop',
    routes: [
      ['ou', 'ophthalmic', 2],
      ['os', 'ophthalmic', 1],
      ['od', 'ophthalmic', 1],
      ['au', 'otic', 2],
      ['ad', 'otic', 1],
      ['as', 'otic', 1],
      ['in each eye', 'ophthalmic', 2],
    ],
    halves: false,
  },
  {
    unit: 'puffs',
    norm: 'puff',
    routes: [
      ['inh', 'inhalation', 1],
      ['by inhalation', 'inhalation', 1],
    ],
    halves: false,
  },
  {
    unit: 'units',
    norm: 'unit',
    routes: [
      ['subq', 'subcutaneous', 1],
      ['subcutaneously', 'subcutaneous', 1],
      ['im', 'intramuscular', 1],
    ],
    halves: false,
  },
  {
    unit: 'sprays',
    norm: 'spray',
    routes: [
      ['each nostril', 'nasal', 2],
      ['in one nostril', 'nasal', 1],
    ],
    halves: false,
  },
  {
    unit: 'supp',
    norm: 'suppository',
    routes: [
      ['pr', 'rectal', 1],
      ['pv', 'vaginal', 1],
    ],
    halves: false,
  },
  {
    unit: 'mg',
    norm: 'mg',
    routes: [
      ['po', 'oral', 1],
      ['iv', 'intravenous', 1],
      ['im', 'intramuscular', 1],
    ],
    halves: true,
  },
  { unit: 'patch', norm: 'patch', routes: [['top', 'topical', 1]], halves: false },
];

/** [written, timesPerDayMin, timesPerDayMax] */
const FREQS: [string, number, number][] = [
  ['daily', 1, 1],
  ['qd', 1, 1],
  ['bid', 2, 2],
  ['tid', 3, 3],
  ['qid', 4, 4],
  ['qhs', 1, 1],
  ['qam', 1, 1],
  ['qpm', 1, 1],
  ['qod', 0.5, 0.5],
  ['q4h', 6, 6],
  ['q6h', 4, 4],
  ['q8h', 3, 3],
  ['q12h', 2, 2],
  ['q4-6h', 4, 6],
  ['q 6-8 h', 3, 4],
  ['every 6 hours', 4, 4],
  ['every 4 to 6 hours', 4, 6],
  ['twice daily', 2, 2],
  ['three times a day', 3, 3],
  ['4 times daily', 4, 4],
  ['weekly', 1 / 7, 1 / 7],
  ['every other day', 0.5, 0.5],
  ['at bedtime', 1, 1],
  ['in the morning', 1, 1],
  ['1-2 times daily', 1, 2],
];

const DURATIONS: [string, number | undefined][] = [
  ['', undefined],
  ['x3d', 3],
  ['x 5 days', 5],
  ['for 7 days', 7],
  ['x10d', 10],
  ['x 2 weeks', 14],
  ['for 1 month', 30],
  ['for 14 days', 14],
];

const PRNS: [string, string | undefined, boolean][] = [
  ['', undefined, false],
  ['prn', undefined, true],
  ['prn pain', 'pain', true],
  ['as needed for nausea', 'nausea', true],
  ['prn sob', 'shortness of breath', true],
  ['prn wheezing', 'wheezing', true],
  ['as needed for sleep', 'sleep', true],
];

interface Spec {
  sig: string;
  low: number;
  high: number;
  unit: string;
  route: string;
  sites: number;
  freq: [string, number, number];
  days: number | undefined;
  prn: [string, string | undefined, boolean];
}

const fmtDose = (n: number) => (n === 0.5 ? '1/2' : n === 1.5 ? '1 1/2' : String(n));

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    form: fc.constantFrom(...FORMS),
    routeIx: fc.nat(),
    low: fc.integer({ min: 1, max: 10 }),
    span: fc.constantFrom(0, 0, 1, 2),
    half: fc.boolean(),
    freq: fc.constantFrom(...FREQS),
    dur: fc.constantFrom(...DURATIONS),
    prn: fc.constantFrom(...PRNS),
    verb: fc.boolean(),
  })
  .map(({ form, routeIx, low, span, half, freq, dur, prn, verb }) => {
    const route = form.routes[routeIx % form.routes.length] ?? form.routes[0]!;
    const lo = half && form.halves && span === 0 ? low - 0.5 : low;
    const hi = lo + span;
    const dose = span ? `${fmtDose(lo)}-${fmtDose(hi)}` : fmtDose(lo);
    const sig = [verb ? 'take' : '', dose, form.unit, route[0], freq[0], dur[0], prn[0]]
      .filter(Boolean)
      .join(' ');
    return {
      sig,
      low: lo,
      high: hi,
      unit: form.norm,
      route: route[1],
      sites: route[2],
      freq,
      days: dur[1],
      prn,
    };
  });

function expectStructure(p: ParsedSig, s: Spec): void {
  expect(p.ok, `${s.sig}: ${p.unparsed.join('|')}`).toBe(true);
  expect(p.instructions).toHaveLength(1);
  const i = p.instructions[0] as SigInstruction;
  if (s.low === s.high) expect(i.dose?.value).toBe(s.low);
  else expect([i.dose?.low, i.dose?.high]).toEqual([s.low, s.high]);
  expect(i.dose?.unit).toBe(s.unit);
  // "to the skin" on a label reads back as topical, which is what a topical patch is.
  expect(i.route === 'transdermal' ? 'topical' : i.route).toBe(s.route);
  expect(i.siteCount).toBe(s.sites);
  expect(i.frequency?.timesPerDayMin).toBeCloseTo(s.freq[1], 6);
  expect(i.frequency?.timesPerDayMax).toBeCloseTo(s.freq[2], 6);
  expect(i.durationDays).toBe(s.days);
  expect(i.prn).toBe(s.prn[2]);
  expect(i.prnReason).toBe(s.prn[1]);
}

const noJunk = (text: string, input: string) => {
  expect(text.length).toBeGreaterThan(0);
  for (const bad of ['undefined', 'NaN', 'Infinity', '[object']) {
    if (!input.includes(bad)) expect(text).not.toContain(bad);
  }
};

describe('parseSig properties', () => {
  it('recovers the structure of generated sigs', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        expectStructure(parseSig(s.sig), s);
      }),
      { numRuns: 600 },
    );
  });

  it('reads its own plain-English rendering back to the same structure', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const first = parseSig(s.sig);
        const again = parseSig(first.text);
        expectStructure(again, s);
        expect(again.text).toBe(first.text);
      }),
      { numRuns: 600 },
    );
  });

  it('daily use of generated sigs is dose × times a day × sites', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const use = sigDailyUse(parseSig(s.sig));
        expect(use?.unit).toBe(s.unit);
        expect(use?.min).toBeCloseTo(s.low * s.freq[1] * s.sites, 5);
        expect(use?.max).toBeCloseTo(s.high * s.freq[2] * s.sites, 5);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text and always renders', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })),
        (input) => {
          const p = parseSig(input);
          noJunk(renderSig(p), input);
          if (p.instructions.length) noJunk(renderSig(p.instructions), input);
          expect(parseSig(input)).toEqual(p);
          const use = sigDailyUse(p);
          if (use) expect(Number.isFinite(use.max) && Number.isFinite(use.min)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  const WORDS = [
    '1',
    '2',
    '1/2',
    'ss',
    'i',
    'ii',
    '-',
    'to',
    'tab',
    'caps',
    'ml',
    'tsp',
    'gtt',
    'u',
    'units',
    'puffs',
    'po',
    'sl',
    'od',
    'os',
    'as',
    'ou',
    'subq',
    'q',
    '4',
    '6',
    'h',
    'x',
    'd',
    'days',
    'bid',
    'tid',
    'qhs',
    'ac',
    'hs',
    'and',
    'then',
    'prn',
    'for',
    'pain',
    'max',
    '/',
    '24h',
    'per',
    'day',
    'daily',
    'on',
    'monday',
    'every',
    'other',
    'with',
    'meals',
    'as directed',
    'sliding scale',
    'apply',
    'stop',
    ',',
    'may repeat',
    '0',
    '99999999',
    '1e308',
    'NaN',
  ];

  it('never throws on sig-like token soup, and what it accepts renders cleanly', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 25 }), (words) => {
        const input = words.join(' ');
        const p = parseSig(input);
        noJunk(p.text, input);
        noJunk(p.interpretation || 'x', input);
        expect(renderSig(p)).toBe(p.text);
        if (p.ok) expect(renderInstructions(p.instructions)).toBe(p.text);
        for (const s of p.instructions) {
          for (const n of [
            s.dose?.value,
            s.dose?.low,
            s.dose?.high,
            s.frequency?.timesPerDayMax,
            s.durationDays,
          ]) {
            if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('handles very long input without parsing it', () => {
    const p = parseSig('1 tab po bid '.repeat(500));
    expect(p.ok).toBe(false);
    expect(p.text.length).toBeGreaterThan(0);
  });
});
