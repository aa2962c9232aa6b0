// Stock quantities are stored as integer thousandths of the package's billing unit (each, mL, g), so that a
// balance is an exact integer sum of its movements (no binary floating-point drift: 0.1 + 0.2 ≠ 0.3).

export const MILLI = 1000;

export type QuantityError = { field: string; reason: string };

/** Units → milli-units. Refuses NaN, infinities and more than 3 decimals (which would silently round). */
export function toMilli(units: number, field = 'quantity'): number | QuantityError {
  if (!Number.isFinite(units)) return { field, reason: 'must be a finite number' };
  const m = Math.round(units * MILLI);
  if (Math.abs(m - units * MILLI) > 1e-6 * Math.max(1, Math.abs(units * MILLI)))
    return { field, reason: 'must have at most 3 decimals' };
  if (!Number.isSafeInteger(m)) return { field, reason: 'is too large' };
  return m;
}

export const fromMilli = (m: number): number => m / MILLI;

export const isQuantityError = (v: number | QuantityError): v is QuantityError => typeof v !== 'number';
