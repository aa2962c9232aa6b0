/** Pure shaping of the dashboard reports into chart series (kept apart from the components, and unit-tested). */
import { OPEN_FILL_STATES } from '@apotheca/core/rx';
import type { ProductFields, WorkflowReport } from '../../api/reports';

/** The states a fill waits in, in workflow order (core's definition, shared with the server's reports). */
export const FLOW_STATES = OPEN_FILL_STATES;

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:00" for the clock hour starting at `iso`, in the browser's time zone. */
export const hourLabel = (iso: string): string => `${pad(new Date(iso).getHours())}:00`;

/**
 * Fills entering each state per hour (GET /api/reports/workflow). Only states that saw any entry get a series,
 * in workflow order (the report lists every state); categories are the hours, oldest first.
 */
export function perHourSeries(r: Pick<WorkflowReport, 'states' | 'hours' | 'totals'>) {
  const states = r.states.filter((s) => (r.totals[s] ?? 0) > 0);
  return {
    categories: r.hours.map((h) => hourLabel(h.start)),
    states,
    values: r.hours.map((h) => states.map((s) => h.entered[s] ?? 0)),
  };
}

/** Open fills per age bucket, one series per state that has any waiting. */
export function ageSeries(r: Pick<WorkflowReport, 'queue' | 'ageBuckets'>) {
  const open = r.queue.filter((q) => q.count > 0);
  return {
    categories: r.ageBuckets.map((b) => b.label),
    states: open.map((q) => q.state),
    values: r.ageBuckets.map((_, k) => open.map((q) => q.ages[k] ?? 0)),
  };
}

export const pct = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** "Lisinopril 2.5 mg TABLET", or the NDC when the product is not in the drug knowledge base. */
export const productLabel = (p: ProductFields, fmtNdc: (n: string) => string): string =>
  p.name
    ? [p.name, p.strength, p.dosageForm?.toLowerCase()].filter(Boolean).join(' ')
    : `NDC ${fmtNdc(p.ndc11)}`;
