/**
 * Plain-English rendering of parsed sigs: the verb fits the route or form, and no Latin abbreviation survives.
 * In the spirit of USP <17> "Prescription Container Labeling" (plain language, explicit instructions, no
 * Latin). <17> goes further and prefers clock-like times ("in the morning and in the evening") to "twice a
 * day"; we only write times the prescriber wrote, never ones inferred from "bid".
 */
import { renderFrequency } from './render-frequency';
import type { ParsedSig, SigDose, SigInstruction, SigVerb } from './types';
import { formatAmount, quantityText, unitLabel } from './words';

const KEEP_VERB = new Set<SigVerb>([
  'chew',
  'dissolve',
  'apply',
  'instill',
  'inhale',
  'inject',
  'insert',
  'place',
  'swish',
  'gargle',
]);

const VERB_BY_ROUTE: Record<string, SigVerb> = {
  oral: 'take',
  sublingual: 'dissolve',
  buccal: 'place',
  ophthalmic: 'instill',
  otic: 'instill',
  nasal: 'use',
  inhalation: 'inhale',
  subcutaneous: 'inject',
  intramuscular: 'inject',
  intravenous: 'inject',
  topical: 'apply',
  transdermal: 'apply',
  rectal: 'insert',
  vaginal: 'insert',
};

const VERB_BY_UNIT: Record<string, SigVerb> = {
  tablet: 'take',
  capsule: 'take',
  mL: 'take',
  packet: 'take',
  lozenge: 'dissolve',
  troche: 'dissolve',
  drop: 'instill',
  puff: 'inhale',
  unit: 'inject',
  pen: 'inject',
  patch: 'apply',
  application: 'apply',
  suppository: 'insert',
  applicatorful: 'insert',
  spray: 'use',
};

export function chooseVerb(s: SigInstruction): SigVerb {
  if (s.verb && KEEP_VERB.has(s.verb)) return s.verb;
  if (s.route === 'sublingual' && s.dose?.unit === 'spray') return 'use';
  if (s.dose?.unit === 'puff') return 'inhale';
  const derived = (s.route && VERB_BY_ROUTE[s.route]) || (s.dose?.unit && VERB_BY_UNIT[s.dose.unit]);
  if (derived) return derived;
  if (s.verb === 'spray') return 'use';
  return s.verb ?? (s.dose ? 'take' : 'use');
}

export function renderDose(d: SigDose): string {
  if (d.description) return d.description;
  const unit = d.unit;
  const amount =
    d.value !== undefined
      ? formatAmount(d.value, unit)
      : `${formatAmount(d.low ?? 0, unit)} to ${formatAmount(d.high ?? 0, unit)}`;
  const n = d.value ?? d.high ?? 0;
  let text = unit ? `${amount} ${unitLabel(unit, n)}` : amount;
  if (d.as)
    text += ` (${d.as.value === 1 ? '1' : formatAmount(d.as.value)} ${d.as.unit}${d.as.value > 1 ? 's' : ''})`;
  if (d.strength) text += ` (${quantityText(d.strength.value, d.strength.unit)})`;
  return text;
}

const noArticle = (site: string) => /^(both|each|one) /.test(site);
const the = (site: string) => (noArticle(site) ? site : `the ${site}`);

export function renderRoute(s: SigInstruction): string | undefined {
  const site = s.site;
  switch (s.route) {
    case undefined:
      return undefined;
    case 'oral':
      return site ?? 'by mouth';
    case 'sublingual':
      return 'under the tongue';
    case 'buccal':
      return 'between the cheek and gum';
    case 'subcutaneous':
      return 'under the skin';
    case 'intramuscular':
      return 'into the muscle';
    case 'intravenous':
      return 'into a vein';
    case 'ophthalmic':
      return site ? `in ${the(site)}` : 'in the eye(s)';
    case 'otic':
      return site ? `in ${the(site)}` : 'in the ear(s)';
    case 'nasal':
      return site ? `in ${the(site)}` : 'in the nose';
    case 'inhalation':
      return site === 'nebulizer' ? 'by nebulizer' : 'by mouth';
    case 'topical':
      return site ? `to ${the(site)}` : 'to the skin';
    case 'transdermal':
      return 'to the skin';
    case 'rectal':
      return 'rectally';
    case 'vaginal':
      return 'vaginally';
  }
}

function renderDuration(s: SigInstruction): string | undefined {
  if (s.dayRange) {
    const { from, to } = s.dayRange;
    return from === to ? `on day ${from}` : `on days ${from} to ${to}`;
  }
  if (s.durationDays !== undefined) {
    const n = s.durationDays;
    if (s.durationUnit === 'week' && n % 7 === 0) return `for ${n / 7} week${n === 7 ? '' : 's'}`;
    if (s.durationUnit === 'month' && n % 30 === 0) return `for ${n / 30} month${n === 30 ? '' : 's'}`;
    return `for ${formatAmount(n)} day${n === 1 ? '' : 's'}`;
  }
  if (s.doseCount !== undefined && !(s.doseCount === 1 && s.frequency?.code === 'ONCE')) {
    return `for ${s.doseCount} dose${s.doseCount === 1 ? '' : 's'}`;
  }
  return undefined;
}

/** One instruction as a clause without the final period ("Take 1 tablet by mouth twice a day"). */
export function renderClause(s: SigInstruction): string {
  const parts: string[] = [chooseVerb(s)];
  if (s.dose) parts.push(renderDose(s.dose));
  const route = renderRoute(s);
  if (route) parts.push(route);
  if (s.frequency) parts.push(renderFrequency(s.frequency));
  for (const e of s.extras) if (!e.endsWith('.')) parts.push(e);
  if (s.slidingScale) parts.push('according to your sliding scale');
  if (s.asDirected) parts.push('as directed');
  if (s.prn) parts.push(s.prnReason ? `as needed for ${s.prnReason}` : 'as needed');
  if (s.indication) parts.push(`for ${s.indication}`);
  const duration = renderDuration(s);
  if (duration) parts.push(duration);
  return parts.filter((p) => p.length > 0).join(' ');
}

const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function renderInstructions(list: readonly SigInstruction[]): string {
  if (list.length === 0) return '';
  let main = '';
  const sentences: string[] = [];
  list.forEach((s, k) => {
    const clause = renderClause(s);
    main += k === 0 ? capitalize(clause) : `${s.sequential ? ', then' : ', and'} ${clause}`;
    if (s.stopAfter) main += ', then stop';
    for (const e of s.extras) if (e.endsWith('.') && !sentences.includes(e)) sentences.push(e);
    if (s.maxPerDay) {
      const verb = !s.route || s.route === 'oral' || s.route === 'sublingual' ? 'take' : 'use';
      const max = `Do not ${verb} more than ${quantityText(s.maxPerDay.value, s.maxPerDay.unit)} in 24 hours.`;
      if (!sentences.includes(max)) sentences.push(max);
    }
  });
  return [`${main}.`, ...sentences].join(' ');
}

export const NO_DIRECTIONS_TEXT = 'No directions given.';

/** Plain English for a parsed sig (its free text when it was not understood) or for a list of instructions. */
export function renderSig(p: ParsedSig | readonly SigInstruction[]): string {
  if (Array.isArray(p)) return renderInstructions(p as readonly SigInstruction[]) || NO_DIRECTIONS_TEXT;
  const sig = p as ParsedSig;
  return sig.text || NO_DIRECTIONS_TEXT;
}
