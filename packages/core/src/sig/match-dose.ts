/** Matchers for dose, verb, route and site. */
import type { Draft } from './draft';
import { ismpWarning } from './ismp';
import { DESCRIPTIVE_DOSES, ROUTES, type RouteEntry, UNITS, VERBS } from './lexicon';
import type { Matcher } from './matcher';
import { clean, readRange } from './read';
import type { SigDose } from './types';

const COUNTABLE = new Set([
  'tablet',
  'capsule',
  'mL',
  'patch',
  'suppository',
  'drop',
  'puff',
  'spray',
  'vial',
  'pen',
  'packet',
  'film',
  'lozenge',
  'troche',
]);
const STRENGTH = new Set(['mg', 'mcg', 'g', 'unit']);

/** "1 tab", "i-ii tabs", "1/2 tab", "ss tab", "2 puffs", "10 units", "1 tsp" (stored as 5 mL), "1 po" (no unit). */
export const matchDose: Matcher = (t, i, current) => {
  const r = readRange(t, i, true);
  if (!r) return undefined;
  const u = UNITS.match(t, i + r.len);
  if (!u && t[i]?.text === 'ss') return undefined;
  const len = r.len + (u?.len ?? 0);
  const held = current.dose;
  // "5 mL (1 teaspoon)": the household measure restates the metric dose.
  if (
    held?.unit === 'mL' &&
    u?.value.as &&
    r.low === r.high &&
    held.value === clean(r.low * (u.value.factor ?? 1))
  ) {
    return { len, apply: () => true };
  }
  if (
    held &&
    u &&
    r.low === r.high &&
    !held.strength &&
    COUNTABLE.has(held.unit ?? '') &&
    STRENGTH.has(u.value.unit)
  ) {
    const strength = { value: r.low, unit: u.value.unit };
    return {
      len,
      apply: (d) => {
        if (!d.dose || d.dose.strength) return false;
        d.dose.strength = strength;
        return true;
      },
    };
  }
  return {
    len,
    isDose: true,
    apply: (d, warn) => {
      if (d.dose || r.high <= 0 || r.high > 100_000) return false;
      const factor = u?.value.factor ?? 1;
      const dose: SigDose =
        r.low === r.high
          ? { value: clean(r.low * factor) }
          : { low: clean(r.low * factor), high: clean(r.high * factor) };
      if (u) dose.unit = u.value.unit;
      if (u?.value.as)
        dose.as = r.low === r.high ? { value: r.low, unit: u.value.as } : { value: r.high, unit: u.value.as };
      if (u?.value.as && r.low !== r.high) delete dose.as;
      if (u?.value.ismp) warn(ismpWarning(u.value.ismp));
      if (t[i]?.text === 'ss' || t[i + r.len - 1]?.text === 'ss') warn(ismpWarning('ss'));
      d.dose = dose;
      return true;
    },
  };
};

/** "a thin layer", "a small amount", "sparingly". */
export const matchDescriptiveDose: Matcher = (t, i) => {
  const m = DESCRIPTIVE_DOSES.match(t, i);
  if (!m) return undefined;
  return {
    len: m.len,
    isDose: true,
    apply: (d) => {
      if (d.dose) return false;
      d.dose = { value: 1, unit: 'application', description: m.value };
      return true;
    },
  };
};

export const matchVerb: Matcher = (t, i) => {
  const m = VERBS.match(t, i);
  if (!m) return undefined;
  return {
    len: m.len,
    apply: (d) => {
      if (d.verb && d.verb !== m.value.verb) return false;
      d.verb = m.value.verb;
      if (m.value.route) d.routeHint = m.value.route;
      if (m.value.site && !d.site) {
        d.site = m.value.site;
        d.route = m.value.route;
      }
      if (m.value.extra && !d.extras.includes(m.value.extra)) d.extras.push(m.value.extra);
      return true;
    },
  };
};

function applyRoute(e: RouteEntry) {
  return (d: Draft, warn: (m: string) => void): boolean => {
    if (d.route && d.route !== e.route) {
      // "topically to the scalp" and similar restate the route; only a different route is a contradiction.
      const compatible =
        (d.route === 'topical' && e.route === 'transdermal') ||
        (d.route === 'transdermal' && e.route === 'topical');
      if (!compatible) return false;
    }
    if (e.site) {
      if (d.site && d.site !== e.site) return false;
      d.site = e.site;
      d.siteCount = e.siteCount ?? 1;
    }
    if (!d.route || d.route === 'topical') d.route = e.route;
    if (e.ismp) warn(ismpWarning(e.ismp));
    return true;
  };
}

/** Routes and sites; "as" is the left ear only when the sig is about drops. */
export const matchRoute: Matcher = (t, i, d) => {
  if (t[i]?.text === 'as') {
    const ear = d.dose?.unit === 'drop' || d.verb === 'instill' || d.route === 'otic';
    return ear
      ? { len: 1, apply: applyRoute({ route: 'otic', site: 'left ear', siteCount: 1, ismp: 'as' }) }
      : undefined;
  }
  const m = ROUTES.match(t, i);
  return m ? { len: m.len, apply: applyRoute(m.value) } : undefined;
};
