import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseGrams, checkCmeaSale } from './cmea';
import { checkRefillLaw, FEDERAL_RULES, lastFillDate, rulesFor } from './law';
import { refillTiming } from './refill';
import { availableActions, checkTransition, FILL_STATES, TRANSITIONS } from './states';

describe('workflow state machine', () => {
  it('runs the happy path intake → sold with the right roles', () => {
    const path = [
      ['intake', 'accept_intake', 'technician', 'data_entry'],
      ['data_entry', 'submit_entry', 'technician', 'data_verification'],
      ['data_verification', 'verify_data', 'pharmacist', 'claim'],
      ['claim', 'adjudicate', 'technician', 'fill'],
      ['fill', 'record_fill', 'technician', 'final_verification'],
      ['final_verification', 'verify_final', 'pharmacist', 'ready'],
      ['ready', 'sell', 'technician', 'sold'],
    ] as const;
    for (const [from, action, role, to] of path) {
      const r = checkTransition(from, action, [role]);
      expect(r.ok && r.to).toBe(to);
    }
  });

  it('refuses a technician verifying, with a message naming who may', () => {
    const r = checkTransition('data_verification', 'verify_data', ['technician']);
    expect(r).toMatchObject({ ok: false, code: 'role_not_allowed' });
    expect(!r.ok && r.message).toMatch(/pharmacist/);
    expect(checkTransition('final_verification', 'verify_final', ['technician']).ok).toBe(false);
  });

  it('refuses illegal transitions and requires reasons where the table says so', () => {
    expect(checkTransition('cancelled', 'record_fill', ['pharmacist'])).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(checkTransition('sold', 'cancel', ['pharmacist'])).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(checkTransition('fill', 'hold', ['technician'])).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(checkTransition('fill', 'hold', ['technician'], 'waiting for stock').ok).toBe(true);
    expect(checkTransition('fill', 'fly', ['admin'])).toMatchObject({ ok: false, code: 'unknown_action' });
  });

  it('never lets nurses, buyers, auditors or admins move prescriptions (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILL_STATES),
        fc.constantFrom(...TRANSITIONS.map((t) => t.action)),
        fc.constantFrom('nurse', 'buyer', 'auditor', 'admin'),
        (s, a, role) => {
          expect(checkTransition(s, a, [role], 'reason').ok).toBe(false);
          expect(availableActions(s, [role])).toEqual([]);
        },
      ),
    );
  });

  it('offers no action out of the terminal states', () => {
    for (const s of ['sold', 'cancelled', 'returned_to_stock'] as const)
      expect(availableActions(s, ['pharmacist_in_charge'])).toEqual([]);
  });
});

describe('refill law per DEA schedule (21 CFR 1306.12, 1306.22)', () => {
  const base = { writtenDate: '2026-01-15', fillDate: '2026-02-01', fillNumber: 0 };
  it('refuses any refill on CII', () => {
    const p = checkRefillLaw({ ...base, schedule: 'CII', refillsAuthorized: 1 });
    expect(p.map((x) => x.field)).toEqual(['refillsAuthorized']);
    expect(p[0]?.citation).toMatch(/1306\.12/);
    expect(checkRefillLaw({ ...base, schedule: 'CII', refillsAuthorized: 0 })).toEqual([]);
  });
  it('allows CIII–IV at most 5 refills within 6 months of issue', () => {
    expect(checkRefillLaw({ ...base, schedule: 'CIV', refillsAuthorized: 5 })).toEqual([]);
    expect(checkRefillLaw({ ...base, schedule: 'CIII', refillsAuthorized: 6 })[0]?.field).toBe(
      'refillsAuthorized',
    );
    expect(lastFillDate('CIV', '2026-01-15')).toBe('2026-07-15');
    expect(
      checkRefillLaw({
        ...base,
        schedule: 'CIV',
        refillsAuthorized: 5,
        fillNumber: 3,
        fillDate: '2026-07-16',
      })[0],
    ).toMatchObject({
      field: 'fillDate',
      reason: 'The prescription expired on 2026-07-15',
    });
  });
  it('sets no federal refill limit on CV and a one-year default expiry for non-controlled', () => {
    expect(checkRefillLaw({ ...base, schedule: 'CV', refillsAuthorized: 11 })).toEqual([]);
    expect(lastFillDate(null, '2026-01-31')).toBe('2027-01-31');
    expect(checkRefillLaw({ ...base, schedule: null, refillsAuthorized: 3, fillNumber: 4 })[0]?.field).toBe(
      'fillNumber',
    );
  });
  it('is configurable per state', () => {
    const table = rulesFor(null, { CII: { ...FEDERAL_RULES.CII, validMonths: 3 } });
    expect(lastFillDate('CII', '2026-01-15', table)).toBe('2026-04-15');
  });
  it('clamps month ends (Aug 31 + 6 months = Feb 28)', () => {
    expect(lastFillDate('CIII', '2026-08-31')).toBe('2027-02-28');
  });
});

describe('refill too soon', () => {
  it('uses 75% of the supply for non-controlled and 90% for CII by default', () => {
    expect(
      refillTiming({ lastFillDate: '2026-03-01', lastDaysSupply: 30, today: '2026-03-24', schedule: null }),
    ).toMatchObject({ ok: true, earliestDate: '2026-03-24' });
    const early = refillTiming({
      lastFillDate: '2026-03-01',
      lastDaysSupply: 30,
      today: '2026-03-20',
      schedule: null,
    });
    expect(early).toMatchObject({ ok: false, daysEarly: 4 });
    expect(
      refillTiming({ lastFillDate: '2026-03-01', lastDaysSupply: 30, today: '2026-03-24', schedule: 'CII' })
        .ok,
    ).toBe(false);
  });
});

describe('CMEA pseudoephedrine limits (21 USC 830(e))', () => {
  it('matches the DEA brochure: 36 × 120 mg HCl ≈ 3.6 g base a day; 37 is refused', () => {
    expect(baseGrams('pseudoephedrine hcl', 120, 36)).toBeCloseTo(3.54, 2);
    expect(
      checkCmeaSale([], { at: '2026-05-01T10:00:00Z', baseGrams: baseGrams('pseudoephedrine hcl', 120, 36) })
        .ok,
    ).toBe(true);
    const r = checkCmeaSale([], {
      at: '2026-05-01T10:00:00Z',
      baseGrams: baseGrams('pseudoephedrine hcl', 120, 37),
    });
    expect(r).toMatchObject({ ok: false, limit: 'daily' });
  });
  it('refuses past 9 g in 30 days across several days', () => {
    const history = [1, 5, 9].map((d) => ({ at: `2026-05-0${d}T10:00:00Z`, baseGrams: 2.9 }));
    const r = checkCmeaSale(history, { at: '2026-05-20T10:00:00Z', baseGrams: 0.5 });
    expect(r).toMatchObject({ ok: false, limit: 'thirty_day', maxAllowedGrams: 0.3 });
    expect(checkCmeaSale(history, { at: '2026-06-05T10:00:00Z', baseGrams: 2 }).ok).toBe(true);
  });
});
