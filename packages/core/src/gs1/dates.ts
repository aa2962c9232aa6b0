// GS1 date fields. GS1 General Specifications §7.12 "Determination of century in dates":
// with YY the encoded year and CY the last two digits of the current year, a difference
// YY − CY of 51…99 means the previous century, −99…−50 the next century, else the current one.
// Same section: for AIs 11–17 a day of "00" means the last day of that month.

export type Gs1DateResult =
  | { ok: true; iso: string; dayUnspecified: boolean }
  | { ok: false; reason: string };

export function gs1Century(yy: number, referenceDate: Date): number {
  const current = referenceDate.getUTCFullYear();
  const cy = current % 100;
  const century = current - cy;
  const diff = yy - cy;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** YYMMDD → ISO date. `allowZeroDay` for the yymmd0 AIs (11, 12, 13, 15, 16, 17). */
export function parseGs1Date(yymmdd: string, referenceDate: Date, allowZeroDay: boolean): Gs1DateResult {
  if (!/^\d{6}$/.test(yymmdd)) return { ok: false, reason: 'date must be 6 digits YYMMDD' };
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) return { ok: false, reason: `month ${pad2(mm)} is not 01–12` };
  if (Number.isNaN(referenceDate.getTime())) return { ok: false, reason: 'reference date is invalid' };
  const year = gs1Century(yy, referenceDate);
  const last = daysInMonth(year, mm);
  if (dd === 0) {
    if (!allowZeroDay) return { ok: false, reason: 'day 00 is not allowed in this date' };
    return { ok: true, iso: `${year}-${pad2(mm)}-${pad2(last)}`, dayUnspecified: true };
  }
  if (dd > last) return { ok: false, reason: `day ${pad2(dd)} does not exist in ${year}-${pad2(mm)}` };
  return { ok: true, iso: `${year}-${pad2(mm)}-${pad2(dd)}`, dayUnspecified: false };
}
