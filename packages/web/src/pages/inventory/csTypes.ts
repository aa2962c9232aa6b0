import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';

/** A controlled product the site holds (GET /api/controlled/inventories/worksheet). */
export interface WorksheetItem {
  ndc11: string;
  schedule: string;
  description: string | null;
  packageQty: number | null;
  countRule: 'exact' | 'estimate_allowed';
  onHand: number;
  stock: { location: string; lot: string | null; expiry: string | null; quantity: number }[];
}

export interface LedgerEffect {
  movementId: string;
  ndc11: string;
  location: string;
  lot: string | null;
  quantity: number;
  balanceBefore: number;
  balanceAfter: number;
  occurredAt: string;
}

export function useWorksheet(siteId: string | undefined, deps: unknown[] = []) {
  return useApi(
    (signal) => api.get<Items<WorksheetItem>>('/api/controlled/inventories/worksheet', { siteId }, signal),
    [siteId, ...deps],
  );
}

export const SCHEDULE_LABEL: Record<string, string> = {
  CI: 'Schedule I',
  CII: 'Schedule II',
  CIIN: 'Schedule IIN',
  CIII: 'Schedule III',
  CIIIN: 'Schedule IIIN',
  CIV: 'Schedule IV',
  CV: 'Schedule V',
};

/** `datetime-local` value (local wall time) → ISO instant, and now as such a value. */
export const localToIso = (v: string) => new Date(v).toISOString();
export const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};
export const todayLocal = () => nowLocal().slice(0, 10);
