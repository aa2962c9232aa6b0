import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_patients_prescribers';
import * as m0003 from './0003_drugs';

/** Versioned migrations, applied in name order. Never edit one that has shipped: add the next. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_patients_prescribers': m0002,
  '0003_drugs': m0003,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
