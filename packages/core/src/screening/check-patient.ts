import { makeAlert } from './alert';
import type { ScreeningIndex } from './build-index';
import { tallManSource } from './data/tall-man';
import type { ResolvedMed } from './resolve';
import { lasaPartners, tallMan } from './tall-man';
import type { PatientProfile, ScreeningAlert, ScreenOptions } from './types';

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function keysOf(cand: ResolvedMed, ing: string): string[] {
  return [`i:${ing}`, ...(cand.classes.get(ing) ?? []).map((c) => `c:${c}`)];
}

/** Reproductive potential is inferred from sex and age 12–50 (a heuristic; see docs/screening.md). */
function couldBecomePregnant(p: PatientProfile): boolean {
  return p.sex === 'female' && finite(p.ageYears) && p.ageYears >= 12 && p.ageYears <= 50;
}

export function checkPregnancyLactation(
  index: ScreeningIndex,
  p: PatientProfile,
  cand: ResolvedMed,
): ScreeningAlert[] {
  const out: ScreeningAlert[] = [];
  const pregnant = p.pregnant === true;
  const potential = !pregnant && couldBecomePregnant(p);
  for (const ing of cand.ingredients) {
    for (const key of keysOf(cand, ing)) {
      for (const f of index.pregnancy.get(key) ?? []) {
        const severity = pregnant ? f.severity : potential ? f.reproductivePotential : undefined;
        if (severity === undefined) continue;
        out.push(
          makeAlert({
            id: `pregnancy:${f.ingredient ?? f.classId}:${ing}`,
            kind: 'pregnancy',
            severity,
            title: pregnant ? `Pregnancy: ${ing} (${f.flag})` : `Reproductive potential: ${ing} (${f.flag})`,
            detail: pregnant ? f.detail : `Patient may become pregnant. ${f.detail}`,
            management: pregnant
              ? 'Contact the prescriber before dispensing.'
              : 'Confirm pregnancy status and contraception counselling.',
            source: f.source,
          }),
        );
      }
      if (p.lactating !== true) continue;
      for (const f of index.lactation.get(key) ?? []) {
        out.push(
          makeAlert({
            id: `lactation:${f.ingredient ?? f.classId}:${ing}`,
            kind: 'lactation',
            severity: f.severity,
            title: `Breastfeeding: ${ing} (${f.flag})`,
            detail: f.detail,
            source: f.source,
          }),
        );
      }
    }
  }
  return out;
}

export function checkAge(index: ScreeningIndex, p: PatientProfile, cand: ResolvedMed): ScreeningAlert[] {
  const age = p.ageYears;
  if (!finite(age) || age < 0 || !cand.systemic) return [];
  const out: ScreeningAlert[] = [];
  const seen = new Set<string>();
  for (const ing of cand.ingredients) {
    for (const key of keysOf(cand, ing)) {
      for (const r of index.age.get(key) ?? []) {
        if (
          (r.minAgeYears !== undefined && age < r.minAgeYears) ||
          (r.maxAgeYears !== undefined && age >= r.maxAgeYears)
        )
          continue;
        const id = `age:${r.id}:${ing}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(
          makeAlert({
            id,
            kind: 'age',
            severity: r.severity,
            title: `Age ${Math.floor(age)} y: ${ing}`,
            detail: r.detail,
            source: r.source,
          }),
        );
      }
    }
  }
  return out;
}

export function checkHighAlert(
  index: ScreeningIndex,
  cand: ResolvedMed,
  options: ScreenOptions,
): ScreeningAlert[] {
  const setting = options.setting ?? 'community';
  const out: ScreeningAlert[] = [];
  const seen = new Set<string>();
  for (const ing of cand.ingredients) {
    for (const key of keysOf(cand, ing)) {
      for (const e of index.highAlert.get(key) ?? []) {
        if (
          seen.has(e.id) ||
          !e.settings.includes(setting) ||
          (e.routes !== undefined && !e.routes.includes(cand.route))
        )
          continue;
        seen.add(e.id);
        out.push(
          makeAlert({
            id: `high-alert:${e.id}`,
            kind: 'high-alert',
            severity: 'info',
            title: `High-alert medication: ${e.label}`,
            detail: `${ing} is on the ISMP ${setting === 'acute' ? 'acute care' : 'community/ambulatory'} high-alert list: use independent double checks and patient counselling.`,
            source: e.source,
          }),
        );
      }
    }
  }
  return out;
}

/** Look-alike/sound-alike: minor when a partner name is already on the profile, else info. */
export function checkLasa(cand: ResolvedMed, meds: readonly ResolvedMed[]): ScreeningAlert[] {
  const out: ScreeningAlert[] = [];
  for (const term of new Set([
    ...cand.ingredients,
    ...cand.name
      .toLowerCase()
      .split(/[^a-z-]+/)
      .filter((w) => w.length > 2),
  ])) {
    const partners = lasaPartners(term);
    if (partners.length === 0) continue;
    const onProfile = meds.filter((m) =>
      partners.some((pt) => m.ingredients.includes(pt.name) || m.name.toLowerCase().includes(pt.name)),
    );
    const first = partners[0];
    out.push(
      makeAlert({
        id: `lasa:${term}`,
        kind: 'lasa',
        severity: onProfile.length > 0 ? 'minor' : 'info',
        title: `Look-alike/sound-alike name: ${tallMan(term)}`,
        detail: `Can be confused with ${partners.map((pt) => pt.tallMan).join(', ')}.${onProfile.length > 0 ? ' A look-alike drug is on the profile.' : ''}`,
        management: 'Confirm the drug against the indication; use tall man lettering on labels and shelves.',
        involves: onProfile.map((m) => m.ref),
        source: tallManSource(first?.list ?? 'ismp'),
      }),
    );
  }
  return out;
}
