import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUX_RULES, FEDERAL_TRANSFER_CAUTION } from './aux-rules';
import { type AuxInput, auxiliaryWarnings } from './auxiliary';
import { LabelError } from './types';

const ids = (input: AuxInput) => auxiliaryWarnings(input).map((w) => w.id);

// Products below are real NADAC 2025 descriptions (/work/shared/data/nadac-2025-derived), mapped by hand
// to ingredients/form/route as the drug knowledge base would supply them.
describe('auxiliaryWarnings', () => {
  it('puts the 21 CFR 290.5 transfer caution first, verbatim, on CII–CIV and not on CV or non-controlled', () => {
    // OXYCODONE-ACETAMINOPHEN 5-325 MG TAB (CII)
    const oxy = auxiliaryWarnings({
      ingredients: ['oxycodone hydrochloride', 'acetaminophen'],
      form: 'TABLET',
      route: 'ORAL',
      deaSchedule: 'CII',
    });
    expect(oxy[0]).toMatchObject({ id: 'federal-transfer', required: true, text: FEDERAL_TRANSFER_CAUTION });
    expect(oxy[0]?.source).toContain('21 CFR 290.5');
    expect(oxy.map((w) => w.id)).toEqual(['federal-transfer', 'drowsiness']);
    for (const s of ['CIII', 'CIV'] as const)
      expect(ids({ ingredients: ['x'], deaSchedule: s })).toContain('federal-transfer');
    // Pregabalin is CV: drowsiness yes, transfer caution no (290.5 covers CII–CIV only).
    expect(ids({ ingredients: ['pregabalin'], form: 'CAPSULE', route: 'ORAL', deaSchedule: 'CV' })).toEqual([
      'drowsiness',
    ]);
    expect(ids({ ingredients: ['lisinopril'], form: 'TABLET', route: 'ORAL' })).toEqual([]);
  });

  it.each([
    ['opioid', { ingredients: ['morphine sulfate'], form: 'SOLUTION', route: 'ORAL' }, ['drowsiness']],
    ['benzodiazepine', { ingredients: ['alprazolam'], form: 'TABLET', route: 'ORAL' }, ['drowsiness']],
    ['antihistamine', { ingredients: ['hydroxyzine hydrochloride'], form: 'TABLET' }, ['drowsiness']],
    ['muscle relaxant', { ingredients: ['cyclobenzaprine'], form: 'TABLET' }, ['drowsiness']],
    ['gabapentinoid', { ingredients: ['gabapentin'], form: 'CAPSULE', route: 'ORAL' }, ['drowsiness']],
    ['class only', { ingredients: ['newdrug'], classes: ['Opioids'] }, ['drowsiness']],
    ['NSAID', { ingredients: ['naproxen sodium'], form: 'TABLET', route: 'ORAL' }, ['take-with-food']],
    [
      'metformin',
      { ingredients: ['metformin hydrochloride'], form: 'TABLET', route: 'ORAL' },
      ['take-with-food'],
    ],
    ['prednisone', { ingredients: ['prednisone'], form: 'TABLET', route: 'ORAL' }, ['take-with-food']],
    [
      'ibuprofen suspension',
      { ingredients: ['ibuprofen'], form: 'SUSPENSION', route: 'ORAL' },
      ['take-with-food', 'shake-well'],
    ],
    [
      'amox-clav suspension',
      {
        ingredients: ['amoxicillin', 'clavulanate potassium'],
        form: 'POWDER, FOR SUSPENSION',
        route: 'ORAL',
      },
      ['finish-all', 'shake-well', 'refrigerate'],
    ],
    [
      'amox-clav tablet (room temperature)',
      { ingredients: ['amoxicillin', 'clavulanate potassium'], form: 'TABLET, FILM COATED', route: 'ORAL' },
      ['finish-all'],
    ],
    [
      'insulin',
      { ingredients: ['insulin lispro'], form: 'INJECTION, SOLUTION', route: 'SUBCUTANEOUS' },
      ['refrigerate'],
    ],
    [
      'storage statement',
      { ingredients: ['latanoprost'], route: 'OPHTHALMIC', storage: 'Store unopened at 2°C to 8°C' },
      ['refrigerate', 'for-the-eye'],
    ],
    [
      'metronidazole',
      { ingredients: ['metronidazole'], form: 'TABLET', route: 'ORAL' },
      ['alcohol-metronidazole', 'finish-all'],
    ],
    [
      'bismuth-metronidazole-tetracycline',
      {
        ingredients: ['bismuth subcitrate potassium', 'metronidazole', 'tetracycline hydrochloride'],
        form: 'CAPSULE',
        route: 'ORAL',
      },
      ['alcohol-metronidazole', 'avoid-sun', 'finish-all'],
    ],
    [
      'doxycycline',
      { ingredients: ['doxycycline hyclate'], form: 'TABLET', route: 'ORAL' },
      ['avoid-sun', 'finish-all'],
    ],
    [
      'ciprofloxacin',
      { ingredients: ['ciprofloxacin hydrochloride'], form: 'TABLET', route: 'ORAL' },
      ['avoid-sun', 'finish-all'],
    ],
    [
      'cipro-dexamethasone otic: ear + shake, no systemic antibiotic warnings',
      { ingredients: ['ciprofloxacin', 'dexamethasone'], form: 'SUSPENSION', route: 'OTIC' },
      ['shake-well', 'for-the-ear'],
    ],
    [
      'ER tablet',
      { ingredients: ['metformin hydrochloride'], form: 'TABLET, EXTENDED RELEASE', route: 'ORAL' },
      ['take-with-food', 'do-not-crush'],
    ],
    ['XL abbreviation', { ingredients: ['bupropion'], form: 'TABLET XL', route: 'ORAL' }, ['do-not-crush']],
    ['film coated is not ER', { ingredients: ['x'], form: 'TABLET, FILM COATED', route: 'ORAL' }, []],
    [
      'topical cream',
      { ingredients: ['triamcinolone acetonide'], form: 'CREAM', route: 'TOPICAL' },
      ['external-use'],
    ],
    [
      'diclofenac gel: no food warning',
      { ingredients: ['diclofenac sodium'], form: 'GEL', route: 'TOPICAL' },
      ['external-use'],
    ],
    [
      'eye drops',
      { ingredients: ['timolol'], form: 'SOLUTION/ DROPS', route: 'OPHTHALMIC' },
      ['for-the-eye'],
    ],
  ] as [string, AuxInput, string[]][])('%s', (_name, input, expected) => {
    expect(ids(input)).toEqual(expected);
  });

  it('explains each warning with its source and what triggered it', () => {
    const [w] = auxiliaryWarnings({ ingredients: ['Gabapentin'] });
    expect(w).toMatchObject({ id: 'drowsiness', because: 'ingredient gabapentin', required: false });
    expect(w?.source).toMatch(/labeling/);
  });

  it('matches whole words only: "insulinoma" or "tetracyclines-like" strings do not fire unrelated rules', () => {
    expect(ids({ ingredients: ['proinsulin c-peptide'] })).toEqual([]);
    expect(ids({ ingredients: ['oxytetracycline'] })).toEqual([]);
  });

  it('rejects a bad schedule or ingredient list with a typed error naming the field', () => {
    expect(() => auxiliaryWarnings({ ingredients: [], deaSchedule: 'CI' as never })).toThrow(LabelError);
    try {
      auxiliaryWarnings({ ingredients: 'x' as never });
    } catch (e) {
      expect((e as LabelError).field).toBe('ingredients');
    }
  });

  it('never throws and never repeats a rule for arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.array(fc.string()),
        fc.string(),
        fc.string(),
        fc.constantFrom(undefined, null, 'CII', 'CIII', 'CIV', 'CV'),
        (ingredients, classes, form, route, deaSchedule) => {
          const out = auxiliaryWarnings({ ingredients, classes, form, route, deaSchedule });
          expect(new Set(out.map((w) => w.id)).size).toBe(out.length);
          const firstAdvisory = out.findIndex((w) => !w.required);
          if (firstAdvisory >= 0) expect(out.slice(firstAdvisory).every((w) => !w.required)).toBe(true);
        },
      ),
    );
  });

  it('every rule names a source', () => {
    for (const r of AUX_RULES) expect(r.source.length, r.id).toBeGreaterThan(10);
  });
});
