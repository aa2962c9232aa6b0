import { describe, expect, it } from 'vitest';
import { ageSeries, hourLabel, pct, perHourSeries, productLabel } from './derive';

const hour = (h: number) => new Date(Date.UTC(2025, 2, 10, h)).toISOString();

describe('dashboard chart shaping', () => {
  it('turns hourly buckets into one series per state that saw entries, in workflow order', () => {
    const r = perHourSeries({
      states: ['intake', 'data_entry', 'claim', 'sold'],
      totals: { claim: 1, intake: 3 },
      hours: [
        { start: hour(8), entered: { intake: 2 }, total: 2 },
        { start: hour(9), entered: {}, total: 0 },
        { start: hour(10), entered: { claim: 1, intake: 1 }, total: 2 },
      ],
    });
    expect(r.states).toEqual(['intake', 'claim']);
    expect(r.values).toEqual([
      [2, 0],
      [0, 0],
      [1, 1],
    ]);
    expect(r.categories).toEqual([hour(8), hour(9), hour(10)].map(hourLabel));
    expect(r.categories[0]).toMatch(/^\d\d:00$/);
  });

  it('lays queue ages out per bucket for the states with fills waiting', () => {
    const r = ageSeries({
      ageBuckets: [
        { key: 'a', label: '< 15 min', maxMinutes: 15 },
        { key: 'b', label: '> 15 min', maxMinutes: null },
      ],
      queue: [
        { state: 'intake', count: 2, oldestMinutes: 30, medianMinutes: 20, ages: [1, 1] },
        { state: 'fill', count: 0, oldestMinutes: null, medianMinutes: null, ages: [0, 0] },
        { state: 'ready', count: 1, oldestMinutes: 5, medianMinutes: 5, ages: [1, 0] },
      ],
    });
    expect(r).toEqual({
      categories: ['< 15 min', '> 15 min'],
      states: ['intake', 'ready'],
      values: [
        [1, 1],
        [1, 0],
      ],
    });
  });

  it('formats rates and product labels', () => {
    expect(pct(0.4)).toBe('40%');
    expect(pct(1 / 6)).toBe('16.7%');
    expect(pct(null)).toBe('—');
    const ndc = (n: string) => `${n.slice(0, 5)}-${n.slice(5, 9)}-${n.slice(9)}`;
    expect(
      productLabel(
        {
          ndc11: '00591040501',
          name: 'Lisinopril',
          genericName: null,
          strength: '2.5 mg',
          dosageForm: 'TABLET',
        },
        ndc,
      ),
    ).toBe('Lisinopril 2.5 mg tablet');
    expect(
      productLabel(
        { ndc11: '00591040501', name: null, genericName: null, strength: null, dosageForm: null },
        ndc,
      ),
    ).toBe('NDC 00591-0405-01');
  });
});
