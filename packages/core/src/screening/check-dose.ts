import { makeAlert } from './alert';
import type { ScreeningIndex } from './build-index';
import type { DoseLimit } from './data/dose-limits';
import type { ResolvedMed } from './resolve';
import type { PatientProfile, ScreeningAlert, Source } from './types';

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function bandMatches(l: DoseLimit, age: number | undefined): boolean {
  if (age === undefined) return l.maxAgeYears === undefined && (l.minAgeYears ?? 0) <= 18;
  return (
    (l.minAgeYears === undefined || age >= l.minAgeYears) &&
    (l.maxAgeYears === undefined || age < l.maxAgeYears)
  );
}

interface Limit {
  mg: number;
  source: Source;
  note: string | undefined;
}

function tightest(
  limits: readonly DoseLimit[],
  pick: (l: DoseLimit) => number | undefined,
): Limit | undefined {
  let best: Limit | undefined;
  for (const l of limits) {
    const mg = pick(l);
    if (mg !== undefined && Number.isFinite(mg) && (best === undefined || mg < best.mg))
      best = { mg, source: l.source, note: l.note };
  }
  return best;
}

function capped(
  abs: number | undefined,
  perKg: number | undefined,
  weight: number | undefined,
): number | undefined {
  const byWeight = perKg !== undefined && weight !== undefined ? perKg * weight : undefined;
  if (byWeight === undefined) return abs;
  return abs === undefined ? byWeight : Math.min(abs, byWeight);
}

const fmt = (mg: number) => `${Math.round(mg * 100) / 100} mg`;

/** Single-dose and daily-dose limits; the daily total adds the same ingredient from other active meds. */
export function checkDoses(
  index: ScreeningIndex,
  p: PatientProfile,
  cand: ResolvedMed,
  meds: readonly ResolvedMed[],
): ScreeningAlert[] {
  const age = finite(p.ageYears) && p.ageYears >= 0 ? p.ageYears : undefined;
  const weight = finite(p.weightKg) && p.weightKg > 0 ? p.weightKg : undefined;
  const out: ScreeningAlert[] = [];
  for (const ing of cand.ingredients) {
    const limits = (index.dose.get(ing) ?? []).filter(
      (l) => (l.routes ?? ['oral']).includes(cand.route) && bandMatches(l, age),
    );
    if (limits.length === 0) continue;
    const single = cand.singleDoseMg.get(ing);
    const singleMax = tightest(limits, (l) => capped(l.singleMaxMg, l.singleMaxMgPerKg, weight));
    if (single !== undefined && singleMax !== undefined && single > singleMax.mg) {
      out.push(
        makeAlert({
          id: `dose-single:${ing}`,
          kind: 'dose-single',
          severity: 'major',
          title: `Single dose above maximum: ${ing}`,
          detail: `Single dose ${fmt(single)} exceeds the maximum ${fmt(singleMax.mg)}.${singleMax.note ? ` ${singleMax.note}` : ''}`,
          management: 'Verify the dose with the prescriber.',
          source: singleMax.source,
        }),
      );
    }
    const candDaily = cand.dailyDoseMg.get(ing);
    const dailyMax = tightest(limits, (l) => capped(l.dailyMaxMg, l.dailyMaxMgPerKg, weight));
    if (candDaily === undefined || dailyMax === undefined) continue;
    let total = candDaily;
    const involves: string[] = [];
    for (const m of meds) {
      const d = m.dailyDoseMg.get(ing);
      if (d !== undefined && m.systemic && m.ingredients.includes(ing)) {
        total += d;
        involves.push(m.ref);
      }
    }
    if (total > dailyMax.mg) {
      out.push(
        makeAlert({
          id: `dose-daily:${ing}`,
          kind: 'dose-daily',
          severity: 'major',
          title: `Daily dose above maximum: ${ing}`,
          detail: `Total daily ${ing} ${fmt(total)}${involves.length > 0 ? ` (including ${involves.join(', ')})` : ''} exceeds the maximum ${fmt(dailyMax.mg)}.${dailyMax.note ? ` ${dailyMax.note}` : ''}`,
          management: 'Verify the dose with the prescriber.',
          involves,
          source: dailyMax.source,
        }),
      );
    }
  }
  return out;
}

/** Renal dose rules for the profile's creatinine clearance. */
export function checkRenal(index: ScreeningIndex, p: PatientProfile, cand: ResolvedMed): ScreeningAlert[] {
  const crcl = p.crClMlMin;
  if (!finite(crcl) || crcl < 0) return [];
  const out: ScreeningAlert[] = [];
  for (const ing of cand.ingredients) {
    const keys = [`i:${ing}`, ...(cand.classes.get(ing) ?? []).map((c) => `c:${c}`)];
    for (const key of keys) {
      for (const rule of index.renal.get(key) ?? []) {
        const band = rule.bands.find(
          (b) =>
            (b.minCrCl === undefined || crcl >= b.minCrCl) && (b.maxCrCl === undefined || crcl < b.maxCrCl),
        );
        if (band === undefined) continue;
        const daily = cand.dailyDoseMg.get(ing);
        if (band.maxDailyMg !== undefined && daily !== undefined && daily <= band.maxDailyMg) continue;
        const over = band.maxDailyMg !== undefined && daily !== undefined;
        out.push(
          makeAlert({
            id: `renal:${rule.ingredient ?? rule.classId}:${ing}`,
            kind: 'renal',
            severity: over && band.severity === 'moderate' ? 'major' : band.severity,
            title: `Renal dosing: ${ing} at CrCl ${Math.round(crcl)} mL/min`,
            detail: over
              ? `Daily dose ${fmt(daily)} exceeds ${fmt(band.maxDailyMg ?? 0)} for this CrCl. ${band.recommendation}`
              : band.recommendation,
            management: band.recommendation,
            source: rule.source,
          }),
        );
      }
    }
  }
  return out;
}
