import type { AlertKind, NcpdpReasonCode, ScreeningAlert, Severity, Source } from './types';
import { SEVERITY_ORDER } from './types';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  contraindicated: 0,
  major: 1,
  moderate: 2,
  minor: 3,
  info: 4,
};

/** The more severe of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

const NCPDP: Partial<Record<AlertKind, NcpdpReasonCode>> = {
  'drug-drug': 'DD',
  'drug-allergy': 'DA',
  'therapeutic-duplication': 'TD',
  'ingredient-duplication': 'ID',
  'dose-single': 'HD',
  'dose-daily': 'HD',
  renal: 'DC',
  pregnancy: 'PG',
  age: 'PA',
};

export interface AlertInput {
  id: string;
  kind: AlertKind;
  severity: Severity;
  title: string;
  detail: string;
  management?: string | undefined;
  mechanism?: string | undefined;
  involves?: string[];
  source: Source;
}

/** Builds an alert with the derived fields (override flag, NCPDP reason code) filled in. */
export function makeAlert(a: AlertInput): ScreeningAlert {
  const alert: ScreeningAlert = {
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    title: a.title,
    detail: a.detail,
    involves: a.involves ?? [],
    source: a.source,
    requiresOverride: a.severity === 'contraindicated' || a.severity === 'major',
  };
  if (a.management !== undefined) alert.management = a.management;
  if (a.mechanism !== undefined) alert.mechanism = a.mechanism;
  const code = NCPDP[a.kind];
  if (code !== undefined) alert.ncpdpReasonCode = code;
  return alert;
}

/** Most severe first, then by id, so output order never depends on data or profile order. */
export function sortAlerts(alerts: ScreeningAlert[]): ScreeningAlert[] {
  return alerts.sort(
    (x, y) =>
      SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

export { SEVERITY_ORDER };
