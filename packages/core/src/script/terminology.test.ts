/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEA_SCHEDULE,
  deaScheduleOf,
  ncpdpCode,
  ncpdpTerm,
  QUANTITY_UNIT_OF_MEASURE,
  STRENGTH_FORM,
  STRENGTH_UNIT_OF_MEASURE,
} from './terminology';

// The NCI EVS NCPDP subsets (NCIt, CC BY 4.0) the generated tables were made from.
const rows = readFileSync(
  new URL('../../../../../shared/data/ncpdp-terminology-ncit/NCPDPTerminology.txt', import.meta.url),
  'utf8',
)
  .split(/\r?\n/)
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'));
const subset = (name: string) =>
  new Map(rows.filter((r) => r[1] === `NCPDP ${name} Terminology`).map((r) => [r[2], r[3]]));

describe('NCPDP terminology tables match the NCI EVS source file', () => {
  it.each([
    ['QuantityUnitOfMeasure', QUANTITY_UNIT_OF_MEASURE, 28],
    ['StrengthUnitOfMeasure', STRENGTH_UNIT_OF_MEASURE, 36],
    ['DEASchedule', DEA_SCHEDULE, 6],
  ] as const)('%s is complete and identical', (name, table, count) => {
    const source = subset(name);
    expect(source.size).toBe(count);
    expect(new Map(Object.entries(table))).toEqual(source);
  });

  it('every StrengthForm entry is in the source with the same term', () => {
    const source = subset('StrengthForm');
    expect(Object.keys(STRENGTH_FORM).length).toBeGreaterThan(30);
    for (const [code, term] of Object.entries(STRENGTH_FORM)) expect(source.get(code), code).toBe(term);
  });
});

describe('lookups', () => {
  it('maps the codes used in SCRIPT samples', () => {
    // C48542 Tablet / C28253 Milligram / C48675 Schedule II appear in a Surescripts-generated 2017071 NewRx.
    expect(ncpdpTerm('QuantityUnitOfMeasure', 'C48542')).toBe('Tablet');
    expect(ncpdpTerm('QuantityUnitOfMeasure', 'C48480')).toBe('Capsule');
    expect(ncpdpTerm('StrengthUnitOfMeasure', 'C28253')).toBe('Milligram');
    expect(ncpdpTerm('DEASchedule', 'C48677')).toBe('Schedule IV Substance');
    expect(ncpdpTerm('StrengthForm', 'C99999')).toBeUndefined();
    expect(ncpdpTerm('StrengthForm', 'toString')).toBeUndefined();
  });

  it('finds codes by term, case-insensitively', () => {
    expect(ncpdpCode('QuantityUnitOfMeasure', 'milliliter')).toBe('C28254');
    expect(ncpdpCode('StrengthForm', 'Oral Suspension')).toBe('C68992');
    expect(ncpdpCode('QuantityUnitOfMeasure', 'furlong')).toBeUndefined();
  });

  it('maps DEASchedule codes to schedules I–V', () => {
    expect(['C48672', 'C48675', 'C48676', 'C48677', 'C48679', 'C38046'].map(deaScheduleOf)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      undefined,
    ]);
  });
});
