/** Shapes and calls of the dashboard reports (docs/reports.md; GET /api/openapi.json, tag reports). */
import { api } from './client';

export interface AgeBucket {
  key: string;
  label: string;
  maxMinutes: number | null;
}

export interface WorkflowReport {
  siteId: string;
  from: string;
  to: string;
  generatedAt: string;
  states: string[];
  /** One per clock hour, oldest first; `entered` leaves out states with none. */
  hours: { start: string; entered: Record<string, number>; total: number }[];
  totals: Record<string, number>;
  ageBuckets: AgeBucket[];
  queue: {
    state: string;
    count: number;
    oldestMinutes: number | null;
    medianMinutes: number | null;
    ages: number[];
  }[];
}

export interface Outcomes {
  submitted: number;
  paid: number;
  captured: number;
  rejected: number;
  unknown: number;
  rejectRate: number | null;
}

export interface PayerOutcomes extends Outcomes {
  key: string;
  bin: string;
  pcn: string;
  payerName: string;
}

export interface ClaimsReport {
  siteId: string;
  from: string;
  to: string;
  totals: Outcomes;
  payers: PayerOutcomes[];
  rejectCodes: {
    code: string;
    description: string;
    rejections: number;
    share: number | null;
    payers: {
      key: string;
      bin: string;
      pcn: string;
      payerName: string;
      rejections: number;
      rate: number | null;
    }[];
  }[];
}

export interface ProductFields {
  ndc11: string;
  name: string | null;
  genericName: string | null;
  strength: string | null;
  dosageForm: string | null;
}

export interface StockLot extends ProductFields {
  location: string;
  locationName: string | null;
  lot: string | null;
  expiry: string;
  quantity: number;
  daysLeft: number;
}

export interface StockOut extends ProductFields {
  sellableOnHand: number;
  reasons: ('dispensed' | 'par' | 'negative')[];
  lastDispensedAt: string | null;
  negativeMovements: number;
  parLevels: { location: string; locationName: string | null; minimum: number }[];
}

export interface StockReport {
  siteId: string;
  today: string;
  days: number;
  stockOuts: StockOut[];
  expiring: StockLot[];
  expired: StockLot[];
}

export const reportsApi = {
  workflow: (siteId: string, hours: number, signal?: AbortSignal) =>
    api.get<WorkflowReport>('/api/reports/workflow', { siteId, hours }, signal),
  claims: (siteId: string, days: number, signal?: AbortSignal) =>
    api.get<ClaimsReport>('/api/reports/claims', { siteId, days }, signal),
  stock: (siteId: string, days: number, signal?: AbortSignal) =>
    api.get<StockReport>('/api/reports/stock', { siteId, days }, signal),
};
