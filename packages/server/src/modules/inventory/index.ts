import type { RegisterArgs } from '../../app';
import { registerControlledRoutes } from './controlled/routes';
import { registerCountRoutes } from './counts/routes';
import { registerDscsaRoutes } from './dscsa/routes';
import { registerLedgerRoutes } from './ledger/routes';
import { registerInventoryListRoutes } from './lists';
import { registerPurchasingRoutes } from './purchasing/routes';
import { registerRecallRoutes } from './recalls/routes';
import { registerReceivingRoutes } from './receiving/routes';
import { registerReportRoutes } from './reports/routes';

export { seedDemoStock } from './demo';
export { postMovements, recordMovements } from './ledger/post';
export { verifyLedger } from './ledger/verify';
export { scheduleOf } from './schedule';
export { type DispenseStockInput, dispenseStock, type ReturnStockInput, returnStock } from './stock';

/** All inventory, purchasing, DSCSA, recall and controlled-substance routes. */
export function registerInventoryRoutes(args: RegisterArgs): void {
  registerLedgerRoutes(args);
  registerReceivingRoutes(args);
  registerDscsaRoutes(args);
  registerControlledRoutes(args);
  registerRecallRoutes(args);
  registerCountRoutes(args);
  registerPurchasingRoutes(args);
  registerInventoryListRoutes(args);
  registerReportRoutes(args);
}
