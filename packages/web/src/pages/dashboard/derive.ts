/** Pure derivations for the dashboard charts (kept apart from the components so they stay easy to read). */
import type { ClaimRow } from '../../api/claims';
import type { QueueItem } from '../../api/rx';

export const FLOW_STATES = [
  'intake',
  'data_entry',
  'data_verification',
  'claim',
  'fill',
  'final_verification',
  'ready',
  'on_hold',
  'clarification',
] as const;

const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Fills per hour by state. No endpoint reports throughput per hour, so this buckets the open queue by the hour
 * each fill entered the step it is in now (now − ageMinutes): the last `hours` hours, plus one "earlier" column.
 */
export function perHour(items: readonly QueueItem[], now: number, hours = 12) {
  const end = Math.floor(now / HOUR) * HOUR + HOUR;
  const start = end - hours * HOUR;
  const states = FLOW_STATES.filter((s) => items.some((i) => i.state === s));
  const categories = [
    'Earlier',
    ...Array.from({ length: hours }, (_, k) => `${pad(new Date(start + k * HOUR).getHours())}:00`),
  ];
  const values = categories.map(() => states.map(() => 0));
  for (const i of items) {
    const j = states.indexOf(i.state as (typeof FLOW_STATES)[number]);
    if (j < 0) continue;
    const at = now - i.ageMinutes * 60_000;
    const k = at < start ? 0 : Math.min(hours, 1 + Math.floor((at - start) / HOUR));
    const row = values[k];
    if (row) row[j] = (row[j] ?? 0) + 1;
  }
  return { categories, states: [...states], values };
}

export const AGE_BUCKETS = [
  { label: '< 15 min', max: 15 },
  { label: '15–60 min', max: 60 },
  { label: '1–4 h', max: 240 },
  { label: '4–24 h', max: 1440 },
  { label: '> 1 day', max: Number.POSITIVE_INFINITY },
] as const;

/** How long the open fills have waited in their current step, by state. */
export function ages(items: readonly QueueItem[]) {
  const states = FLOW_STATES.filter((s) => items.some((i) => i.state === s));
  const values = AGE_BUCKETS.map(() => states.map(() => 0));
  for (const i of items) {
    const j = states.indexOf(i.state as (typeof FLOW_STATES)[number]);
    const k = AGE_BUCKETS.findIndex((b) => i.ageMinutes < b.max);
    const row = values[k];
    if (j >= 0 && row) row[j] = (row[j] ?? 0) + 1;
  }
  return { categories: AGE_BUCKETS.map((b) => b.label), states: [...states], values };
}

export interface RejectStat {
  key: string;
  label: string;
  count: number;
  total: number;
}

export const pct = (n: number, d: number): string => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

/** Rejected share per payer (current claims) and per reject code, from the claims worklist. */
export function rejectStats(claims: readonly ClaimRow[]) {
  const payers = new Map<string, RejectStat>();
  const codes = new Map<string, RejectStat>();
  for (const c of claims) {
    const p = payers.get(c.bin) ?? { key: c.bin, label: `BIN ${c.bin}`, count: 0, total: 0 };
    p.total += 1;
    if (c.status === 'rejected') p.count += 1;
    payers.set(c.bin, p);
    if (c.status !== 'rejected') continue;
    for (const r of c.rejects.length ? c.rejects : c.rejectCodes.map((code) => ({ code, description: '' }))) {
      const s = codes.get(r.code) ?? { key: r.code, label: r.description, count: 0, total: claims.length };
      s.count += 1;
      if (!s.label && r.description) s.label = r.description;
      codes.set(r.code, s);
    }
  }
  const byCount = (a: RejectStat, b: RejectStat) => b.count - a.count || a.key.localeCompare(b.key);
  return { payers: [...payers.values()].sort(byCount), codes: [...codes.values()].sort(byCount) };
}
