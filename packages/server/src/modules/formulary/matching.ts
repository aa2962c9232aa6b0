import { normalizeNdc, normalizeProductNdc } from '@apotheca/core/ndc';
import { badRequest } from '../../platform/errors';
import type { EntryRow } from './repository';

/** Canonical match value: 11-digit NDC, 9-digit product key, or RxCUI without leading zeros. */
export function canonicalMatch(type: string, value: string, field = 'matchValue'): string {
  if (type === 'ndc11') {
    const n = normalizeNdc(value);
    if (n.ok) return n.ndc11;
    throw badRequest('invalid_ndc', `${value}: ${n.error.reason}`, [{ field, reason: n.error.reason }]);
  }
  if (type === 'product') {
    const p = normalizeProductNdc(value);
    if (p.ok) return p.productKey;
    throw badRequest('invalid_product_ndc', `${value}: ${p.error.reason}`, [
      { field, reason: p.error.reason },
    ]);
  }
  if (/^\d{1,8}$/.test(value)) return value.replace(/^0+(?=\d)/, '');
  throw badRequest('invalid_rxcui', `${value} is not an RxCUI`, [{ field, reason: 'must be 1–8 digits' }]);
}

export interface DrugKeys {
  ndc11: string;
  productKey?: string;
  rxcui?: string | null;
}

/**
 * Which entry governs a drug at a site: a site entry beats the organization's; within a level the most specific
 * match wins (package NDC, then product NDC, then RxCUI).
 */
export class FormularyMatcher {
  private readonly site = new Map<string, EntryRow>();
  private readonly org = new Map<string, EntryRow>();

  /** True when some entry has status "formulary" (otherwise search need not ask per row). */
  readonly hasFormularyItems: boolean;

  constructor(entries: readonly EntryRow[]) {
    for (const e of entries) (e.site_id ? this.site : this.org).set(`${e.match_type}:${e.match_value}`, e);
    this.hasFormularyItems = entries.some((e) => e.status === 'formulary');
  }

  resolve(k: DrugKeys): EntryRow | undefined {
    const keys = [`ndc11:${k.ndc11}`, `product:${k.productKey ?? k.ndc11.slice(0, 9)}`];
    if (k.rxcui) keys.push(`rxcui:${k.rxcui}`);
    for (const level of [this.site, this.org])
      for (const key of keys) {
        const e = level.get(key);
        if (e) return e;
      }
    return undefined;
  }

  /** On the formulary (status "formulary") at this site: ranks search hits. */
  onFormulary(k: DrugKeys): boolean {
    return this.resolve(k)?.status === 'formulary';
  }
}
