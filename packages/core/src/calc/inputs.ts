import { finite } from './check';
import { CalcError } from './errors';
import type { CalcDefinition, CalcInputSpec, CalcInputValues, CalcResult, CalcStep } from './types';
import { convertUnits, type ParsedQuantity, parseQuantity } from './units';

/** A registry entry: its public definition plus the runner that reads typed inputs. */
export interface CalcEntry {
  def: CalcDefinition;
  run: (input: Inputs) => CalcResult;
}

/**
 * Typed access to raw user values, driven by the input specs: applies defaults, required-ness,
 * default units, choice lists and unit conversion, and names the field in every error.
 */
export class Inputs {
  readonly warnings: string[] = [];
  constructor(
    private readonly specs: ReadonlyMap<string, CalcInputSpec>,
    private readonly values: CalcInputValues,
  ) {}

  private spec(name: string): CalcInputSpec {
    const s = this.specs.get(name);
    if (s === undefined) throw new Error(`calc bug: input ${name} is not declared`);
    return s;
  }

  private rawValue(name: string): string | number | undefined {
    const v = this.values[name];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      return this.spec(name).default;
    }
    return v;
  }

  has(name: string): boolean {
    return this.rawValue(name) !== undefined;
  }

  private required(name: string): string | number {
    const v = this.rawValue(name);
    if (v === undefined) throw new CalcError(name, 'is required');
    return v;
  }

  /** Quantity converted to `unit`. */
  q(name: string, unit: string): number {
    const v = this.required(name);
    const p = parseQuantity(v, name, this.spec(name).defaultUnit);
    return convertUnits(p.value, p.unit, unit, name);
  }

  qOpt(name: string, unit: string): number | undefined {
    return this.has(name) ? this.q(name, unit) : undefined;
  }

  /** Quantity as entered (value + UCUM unit), for calculations that branch on the unit. */
  quantity(name: string): ParsedQuantity {
    return parseQuantity(this.required(name), name, this.spec(name).defaultUnit);
  }

  num(name: string): number {
    const v = this.required(name);
    return toNumber(v, name);
  }

  numOpt(name: string): number | undefined {
    return this.has(name) ? this.num(name) : undefined;
  }

  choice<T extends string>(name: string): T {
    const v = String(this.required(name)).trim();
    const choices = this.spec(name).choices ?? [];
    const hit = choices.find((c) => c.toLowerCase() === v.toLowerCase());
    if (hit === undefined) throw new CalcError(name, `must be one of ${choices.join(', ')} (got "${v}")`);
    return hit as T;
  }

  text(name: string): string {
    return String(this.required(name)).trim();
  }

  textOpt(name: string): string | undefined {
    return this.has(name) ? this.text(name) : undefined;
  }

  date(name: string): Date {
    return parseDate(this.required(name), name);
  }

  dateOpt(name: string): Date | undefined {
    return this.has(name) ? this.date(name) : undefined;
  }

  /** Items separated by ';' (or ',' when there is no ';'), or by new lines. */
  list(name: string): string[] {
    const v = String(this.required(name));
    const sep = v.includes(';') || v.includes('\n') ? /[;\n]/ : /,/;
    const items = v
      .split(sep)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length === 0) throw new CalcError(name, 'needs at least one item');
    return items;
  }

  /** List of quantities converted to `unit` (bare numbers take the spec's default unit). */
  quantities(name: string, unit: string): number[] {
    const def = this.spec(name).defaultUnit;
    return this.list(name).map((item) => {
      const p = parseQuantity(
        /^[-+.\d]/.test(item) && /^[-+]?[\d.]+$/.test(item) ? Number(item) : item,
        name,
        def,
      );
      return convertUnits(p.value, p.unit, unit, name);
    });
  }
}

export function toNumber(v: string | number, field: string): number {
  if (typeof v === 'number') return finite(field, v);
  const t = v
    .trim()
    .replace(/%$/, '')
    .replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) throw new CalcError(field, `not a number: "${v}"`);
  return finite(field, Number(t));
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 date or date-time; without a zone it is read as UTC so results do not depend on the host. */
export function parseDate(v: string | number, field: string): Date {
  if (typeof v === 'number') throw new CalcError(field, 'must be an ISO date like 2024-05-01');
  const s = v.trim();
  const m = ISO_DATE.exec(s);
  if (!m) throw new CalcError(field, `not an ISO date: "${v}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1))
    throw new CalcError(field, `no such date: "${v}"`);
  const date = m[7]
    ? new Date(s)
    : new Date(Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  if (Number.isNaN(date.getTime())) throw new CalcError(field, `not a valid date: "${v}"`);
  return date;
}

export function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

export function step(label: string, expression: string, value: string): CalcStep {
  return { label, expression, value };
}

export function indexSpecs(def: CalcDefinition): Map<string, CalcInputSpec> {
  return new Map(def.inputs.map((s) => [s.name, s]));
}
