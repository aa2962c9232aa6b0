import { api } from '../../api/client';
import type { QueueResponse } from '../../api/rx';
import { useApi } from '../../api/useApi';

export interface FillName {
  patient: string | null;
  drug: string;
  state: string;
}

/**
 * Patient and drug per fill for the claims and PA screens. Claim rows carry ids only, so the names come from the
 * open queue (one request, no per-patient reads); fills that left the queue show their NDC instead.
 */
export function useFillNames(siteId: string | undefined, enabled: boolean) {
  return useApi(
    async (signal) => {
      const map = new Map<string, FillName>();
      if (!siteId || !enabled) return map;
      const q = await api.get<QueueResponse>('/api/queue', { siteId, limit: 2000 }, signal);
      for (const i of q.items) map.set(i.fillId, { patient: i.patient, drug: i.drug, state: i.state });
      return map;
    },
    [siteId, enabled],
  );
}
