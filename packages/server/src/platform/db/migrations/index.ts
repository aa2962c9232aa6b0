import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_patients_prescribers';
import * as m0003 from './0003_drugs';
import * as m0004 from './0004_inventory';
import * as m0005 from './0005_prescriptions';
import * as m0006 from './0006_claims';
import * as m0007 from './0007_patient_notes';
import * as m0008 from './0008_report_indexes';

/** Versioned migrations, applied in name order. Never edit one that has shipped: add the next. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_patients_prescribers': m0002,
  '0003_drugs': m0003,
  '0004_inventory': m0004,
  '0005_prescriptions': m0005,
  '0006_claims': m0006,
  '0007_patient_notes': m0007,
  '0008_report_indexes': m0008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
