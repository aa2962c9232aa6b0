import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGs1ElementString } from '../gs1';
import { ndc10ToGtin14 } from '../ndc';
import { DrugSearchIndex } from './search-index';
import { tokenize } from './tokens';
import type { DrugSearchRow } from './types';

// Real NDCs and descriptions from CMS NADAC 2025 (shared/data/nadac-2025-derived) and the openFDA sample.
const rows: DrugSearchRow[] = [
  {
    ndc11: '00093506001',
    ndc10: '0093-5060-01',
    nonproprietaryName: 'Hydroxyzine HCl',
    strength: '10 mg',
    dosageForm: 'TABLET',
    active: true,
  },
  {
    ndc11: '00093506005',
    ndc10: '0093-5060-05',
    nonproprietaryName: 'Hydroxyzine HCl',
    strength: '10 mg',
    dosageForm: 'TABLET',
    active: false,
  },
  {
    ndc11: '23155000101',
    ndc10: '23155-001-01',
    nonproprietaryName: 'Hydralazine',
    strength: '10 mg',
    dosageForm: 'TABLET',
    active: true,
  },
  {
    ndc11: '00406051201',
    ndc10: '0406-0512-01',
    nonproprietaryName: 'Oxycodone and Acetaminophen',
    strength: '5 mg; 325 mg',
    dosageForm: 'TABLET',
    deaSchedule: 'CII',
    active: true,
  },
  {
    ndc11: '62559015116',
    nonproprietaryName: 'Oxycodone HCl',
    strength: '5 mg/5 mL',
    dosageForm: 'SOLUTION',
    active: true,
  },
  {
    ndc11: '63941051912',
    ndc10: '63941-519-12',
    proprietaryName: 'Pain Relief',
    nonproprietaryName: 'Acetaminophen',
    rxcui: '198440',
    active: true,
  },
];
const index = DrugSearchIndex.build(rows);
const ndcs = (q: string, o = {}) => index.search(q, o).hits.map((h) => h.row.ndc11);

describe('DrugSearchIndex', () => {
  it('finds a package by its NDC in every form, exact match first', () => {
    for (const q of ['0093-5060-01', '00093-5060-01', '00093506001', 'NDC 0093-5060-01', '0093506001']) {
      const r = index.search(q);
      expect(r.hits[0]?.row.ndc11, q).toBe('00093506001');
      expect(r.hits[0]?.match, q).toBe('ndc');
    }
  });

  it('finds all packages of a product NDC (labeler-product)', () => {
    expect(ndcs('0093-5060').sort()).toEqual(['00093506001', '00093506005']);
  });

  it('finds a package by GTIN-14 and by a full GS1 DataMatrix scan, keeping lot and expiry', () => {
    const g = ndc10ToGtin14('0093-5060-01');
    if (!g.ok) throw new Error('gtin');
    expect(ndcs(g.gtin14)[0]).toBe('00093506001');
    const built = buildGs1ElementString([
      { ai: '01', value: g.gtin14 },
      { ai: '17', value: '271231' },
      { ai: '10', value: 'LOT42' },
    ]);
    if (!built.ok) throw new Error('build');
    const r = index.search(built.text);
    expect(r.kind).toBe('scan');
    expect(r.hits[0]?.row.ndc11).toBe('00093506001');
    expect(r.scan).toMatchObject({ lot: 'LOT42', expiry: '2027-12-31' });
  });

  it('finds by RxCUI', () => {
    expect(index.search('198440').hits[0]).toMatchObject({ match: 'rxcui', row: { ndc11: '63941051912' } });
  });

  it('type-ahead is case-insensitive and tall-man aware: hydrOXYzine never returns hydrALAZINE', () => {
    for (const q of ['hydrOXYzine', 'HYDROXYZINE', 'hydroxy']) {
      const r = index.search(q);
      expect(r.hits.map((h) => h.row.nonproprietaryName)).toEqual(['Hydroxyzine HCl', 'Hydroxyzine HCl']);
      expect(r.hits[0]?.displayName).toBe('hydrOXYzine HCl');
    }
    expect(index.search('hydrALAZINE').hits.map((h) => h.displayName)).toEqual(['hydrALAZINE']);
    expect(ndcs('hydr')).toHaveLength(3);
  });

  it('is word-order-insensitive and matches word prefixes', () => {
    expect(ndcs('acetaminophen oxycodone')).toEqual(['00406051201']);
    expect(ndcs('acet oxy')).toEqual(['00406051201']);
    expect(ndcs('pain rel')).toEqual(['63941051912']);
    expect(ndcs('oxycodone zzz')).toEqual([]);
  });

  it('ranks active before obsolete, then preferred (formulary), then the better name match', () => {
    expect(ndcs('hydroxyzine')).toEqual(['00093506001', '00093506005']);
    // Both oxycodone rows active: preferred wins; without it, the whole-name match wins.
    expect(ndcs('oxycodone hcl')).toEqual(['62559015116']);
    const pref = (r: DrugSearchRow) => r.ndc11 === '62559015116';
    expect(ndcs('oxycodone', { preferred: pref })[0]).toBe('62559015116');
    expect(index.search('oxycodone', { preferred: pref }).hits[0]?.preferred).toBe(true);
    expect(ndcs('oxycodone')[0]).toBe('00406051201'); // alphabetical among equals
  });

  it('respects the limit and reports the total', () => {
    const r = index.search('hydr', { limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(3);
  });

  it('never throws, never exceeds the limit, and every name hit matches every query word (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (q, limit) => {
        const r = index.search(q, { limit });
        expect(r.hits.length).toBeLessThanOrEqual(limit);
        const words = tokenize(q);
        for (const h of r.hits.filter((x) => x.match === 'name')) {
          const toks = [h.row.proprietaryName, h.row.nonproprietaryName].flatMap((n) => tokenize(n));
          for (const w of words) expect(toks.some((t) => t.startsWith(w))).toBe(true);
        }
      }),
    );
  });
});
