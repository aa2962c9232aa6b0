// GS1 element string parser for GS1 DataMatrix / GS1-128 / GS1 QR scans.
// Element strings: GS1 General Specifications §7.8 (processing of data from a GS1 symbol):
// AIs with a predefined length (Figure 5.10.1-2) run straight into the next AI; every other
// AI ends at FNC1, which scanners transmit as ASCII 29 (GS). Symbology identifiers (ISO/IEC
// 15424): ]C1 GS1-128, ]d2 GS1 DataMatrix, ]Q3 GS1 QR Code, ]e0 GS1 DataBar, ]J1 GS1 DotCode.
import { gtin14ToNdc10, type NdcInfo, resolveNdcDigits } from '../ndc/gtin';
import type { NdcCandidate, NdcLayout } from '../ndc/layout';
import { normalizeNdc } from '../ndc/normalize';
import { AI_TABLE, type AiDefinition, isFixedLength, lookupAi } from './ai-table';
import { checkElement, type Gs1Error } from './validate';

export const GS = '\u001d';

/** GS stand-ins that keyboard-wedge scanners and people type. None of `^ { }` is in CSET 82. */
export const DEFAULT_SEPARATORS: readonly string[] = [GS, '<GS>', '{GS}', '^'];

const GS1_SYMBOLOGIES = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);

export interface Gs1ParseOptions {
  /** Strings that stand for FNC1/GS in the input. Default DEFAULT_SEPARATORS. */
  separators?: readonly string[];
  /** "Today" for the GS1 century rule; pass a fixed date in tests. Default: now. */
  referenceDate?: Date;
  /** Layout to read an embedded NDC with, when known. */
  ndcLayout?: NdcLayout;
  /** Picks the real NDC among the layout candidates (e.g. by product-table lookup). */
  resolveNdc?: (candidates: NdcCandidate[]) => NdcCandidate | undefined;
}

export interface Gs1Element {
  ai: string;
  value: string;
  title: string;
  /** ISO date for date AIs (day 00 → last day of month). */
  iso?: string;
}

export interface Gs1Data {
  ok: true;
  symbology?: string;
  elements: Gs1Element[];
  gtin?: string;
  /** Embedded NDC (from an 03-prefixed GTIN or AI 715) with its layout candidates. */
  ndc?: NdcInfo;
  /** Set only when the NDC layout was resolved (hint, resolver, or AI 715 with dashes). */
  ndc11?: string;
  ndc10?: string;
  lot?: string;
  /** ISO date from AI 17. */
  expiry?: string;
  /** True when AI 17 had day 00 (GS1: last day of the month). */
  expiryDayUnspecified?: boolean;
  serial?: string;
  sscc?: string;
  productionDate?: string;
  bestBefore?: string;
  count?: number;
  warnings: string[];
}

export type Gs1ParseResult = Gs1Data | { ok: false; error: Gs1Error };

const fail = (error: Gs1Error): { ok: false; error: Gs1Error } => ({ ok: false, error });

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits off a leading symbology identifier such as `]d2`. */
export function splitSymbology(input: string): { symbology?: string; rest: string } {
  const m = /^\][A-Za-z][0-9A-Za-z]/.exec(input);
  return m ? { symbology: m[0], rest: input.slice(3) } : { rest: input };
}

type Raw = { def: AiDefinition; value: string; position: number };

function readHri(s: string): Raw[] | { error: Gs1Error } {
  const out: Raw[] = [];
  const token = /\((\d{2,4})\)/y;
  let i = 0;
  while (i < s.length) {
    if (s[i] === GS) {
      i++;
      continue;
    }
    token.lastIndex = i;
    const m = token.exec(s);
    if (!m)
      return { error: { element: 'input', code: 'bad-format', reason: 'expected "(AI)" here', position: i } };
    const ai = m[1] ?? '';
    const def = AI_TABLE.get(ai);
    if (!def)
      return {
        error: { element: ai, code: 'unknown-ai', reason: `unknown or unsupported AI (${ai})`, position: i },
      };
    const start = i + m[0].length;
    const next = s.slice(start).search(/\(\d{2,4}\)/);
    const end = next < 0 ? s.length : start + next;
    // Printed HRI often has spaces around the brackets; spaces are not in CSET 82, so drop them.
    out.push({ def, value: s.slice(start, end).replaceAll(GS, '').trim(), position: i });
    i = end;
  }
  return out;
}

function readRaw(s: string, warnings: string[]): Raw[] | { error: Gs1Error } {
  const out: Raw[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === GS) {
      i++;
      continue;
    }
    const def = lookupAi(s, i);
    if (!def) {
      const head = s.slice(i, i + 4);
      return {
        error: {
          element: /^\d{2}/.test(head) ? head : 'input',
          code: 'unknown-ai',
          reason: `unknown or unsupported AI at "${head}"`,
          position: i,
        },
      };
    }
    const start = i + def.ai.length;
    let end: number;
    if (isFixedLength(def)) {
      end = start + def.maxLength;
      if (end > s.length || s.slice(start, end).includes(GS)) {
        const got = s.slice(start, end).split(GS)[0]?.length ?? 0;
        return {
          error: {
            element: def.ai,
            code: 'too-short',
            reason: `AI (${def.ai}) needs ${def.maxLength} characters, got ${got}`,
            position: i,
          },
        };
      }
      if (!def.predefined && end < s.length && s[end] !== GS) {
        warnings.push(`AI (${def.ai}) is not predefined-length and should be followed by FNC1/GS`);
      }
    } else {
      const gs = s.indexOf(GS, start);
      end = gs < 0 ? s.length : gs;
    }
    out.push({ def, value: s.slice(start, end), position: i });
    i = end;
  }
  return out;
}

/** Parses a scanned GS1 element string (raw with GS, or bracketed human-readable form). */
export function parseGs1(input: string, opts?: Gs1ParseOptions): Gs1ParseResult {
  if (typeof input !== 'string')
    return fail({ element: 'input', code: 'not-a-string', reason: 'scan must be a string' });
  const referenceDate = opts?.referenceDate ?? new Date();
  const { symbology, rest } = splitSymbology(input.trim());
  const warnings: string[] = [];
  if (symbology && !GS1_SYMBOLOGIES.has(symbology))
    warnings.push(`symbology ${symbology} does not announce GS1 data`);
  let s = rest;
  for (const sep of opts?.separators ?? DEFAULT_SEPARATORS) {
    if (sep !== '') s = s.replace(new RegExp(escapeRe(sep), 'gi'), GS);
  }
  while (s.startsWith(GS)) s = s.slice(1);
  if (s === '') return fail({ element: 'input', code: 'empty', reason: 'scan is empty' });
  const raws = s.startsWith('(') ? readHri(s) : readRaw(s, warnings);
  if ('error' in raws) return fail(raws.error);

  const data: Gs1Data = { ok: true, elements: [], warnings };
  if (symbology) data.symbology = symbology;
  const seen = new Map<string, string>();
  for (const { def, value, position } of raws) {
    const prior = seen.get(def.ai);
    if (prior !== undefined && prior !== value) {
      return fail({
        element: def.ai,
        code: 'duplicate-ai',
        reason: `AI (${def.ai}) appears twice with different values`,
        position,
      });
    }
    seen.set(def.ai, value);
    const checked = checkElement(def, value, referenceDate);
    if (!checked.ok) return fail({ ...checked.error, position });
    const el: Gs1Element = { ai: def.ai, value, title: def.title };
    if (checked.checked.iso) el.iso = checked.checked.iso;
    data.elements.push(el);
    applyElement(data, el, checked.checked.dayUnspecified === true);
  }
  attachNdc(data, opts);
  return data;
}

function applyElement(data: Gs1Data, el: Gs1Element, dayUnspecified: boolean): void {
  switch (el.ai) {
    case '00':
      data.sscc = el.value;
      break;
    case '01':
      data.gtin = el.value;
      break;
    case '10':
      data.lot = el.value;
      break;
    case '11':
      data.productionDate = el.iso;
      break;
    case '15':
      data.bestBefore = el.iso;
      break;
    case '17':
      data.expiry = el.iso;
      data.expiryDayUnspecified = dayUnspecified;
      break;
    case '21':
      data.serial = el.value;
      break;
    case '30':
    case '37':
      data.count = Number(el.value);
      break;
  }
}

function attachNdc(data: Gs1Data, opts?: Gs1ParseOptions): void {
  const resolveOpts = { layout: opts?.ndcLayout, resolveNdc: opts?.resolveNdc };
  let info: NdcInfo | undefined;
  if (data.gtin) {
    const g = gtin14ToNdc10(data.gtin);
    if (g.ok) info = resolveNdcDigits(g.ndc10Digits, resolveOpts);
  }
  const nhrn = data.elements.find((e) => e.ai === '715');
  if (!info && nhrn) {
    const n = normalizeNdc(nhrn.value, opts?.ndcLayout ? { layout: opts.ndcLayout } : undefined);
    if (n.ok) {
      info = { candidates: n.candidates, ndc11: n.ndc11 };
      if (n.ndc10 && n.layout)
        Object.assign(info, { ndc10: n.ndc10, layout: n.layout, ndc10Digits: n.ndc10.replace(/-/g, '') });
    } else if (n.error.code === 'ambiguous' && n.error.candidates?.[0]) {
      info = resolveNdcDigits(n.error.candidates[0].ndc10.replace(/-/g, ''), resolveOpts);
    }
  }
  if (!info) return;
  data.ndc = info;
  if (info.ndc11) data.ndc11 = info.ndc11;
  if (info.ndc10) data.ndc10 = info.ndc10;
}
