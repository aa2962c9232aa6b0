import { api } from '../../api/client';
import type { DrugDetail, Fill, FillDetail } from '../../api/rx';
import type { Patient, Prescriber } from '../../api/types';
import { useApi } from '../../api/useApi';

export interface FillBundle {
  detail: FillDetail;
  patient: Patient | null;
  prescriber: Prescriber | null;
  /** The entered product (drug knowledge base), when data entry chose one. */
  drug: DrugDetail | null;
}

const orNull = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

/** The fill plus the records it points to (the fill endpoint returns ids only). */
export function useFill(id: string) {
  return useApi<FillBundle>(
    async (signal) => {
      const detail = await api.get<FillDetail>(`/api/fills/${encodeURIComponent(id)}`, undefined, signal);
      const rx = detail.prescription;
      const [patient, prescriber, drug] = await Promise.all([
        rx.patient_id ? orNull(api.get<Patient>(`/api/patients/${rx.patient_id}`, undefined, signal)) : null,
        rx.prescriber_id
          ? orNull(api.get<Prescriber>(`/api/prescribers/${rx.prescriber_id}`, undefined, signal))
          : null,
        rx.ndc11
          ? orNull(api.get<DrugDetail>(`/api/drugs/${rx.ndc11}`, { siteId: rx.site_id }, signal))
          : null,
      ]);
      return { detail, patient, prescriber, drug };
    },
    [id],
  );
}

export type ActionBody = Record<string, unknown>;

export const act = (fillId: string, action: string, body: ActionBody = {}) =>
  api.post<{ fill: Fill }>(`/api/fills/${encodeURIComponent(fillId)}/actions/${action}`, body);
