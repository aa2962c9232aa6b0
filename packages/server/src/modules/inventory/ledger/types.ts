/** Every way stock changes. Each is one immutable inv_movements row (pairs share a group_id). */
export const MOVEMENT_TYPES = [
  'receive',
  'dispense',
  'return_from_patient',
  'return_to_supplier',
  'transfer_out',
  'transfer_in',
  'waste',
  'adjust',
  'count',
  'quarantine',
  'release',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** Sign each type must carry: +1 adds stock, -1 removes it, 0 either (adjust/count, and the two legs of a move). */
export const MOVEMENT_SIGN: Record<MovementType, 1 | -1 | 0> = {
  receive: 1,
  dispense: -1,
  return_from_patient: 1,
  return_to_supplier: -1,
  transfer_out: -1,
  transfer_in: 1,
  waste: -1,
  adjust: 0,
  count: 0,
  quarantine: 0,
  release: 0,
};

export const LOCATION_KINDS = [
  'shelf',
  'refrigerator',
  'freezer',
  'vault',
  'quarantine',
  'cabinet',
  'cart',
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Locations every site has without setting anything up; more can be added per site (inv_locations). */
export const DEFAULT_LOCATIONS: Record<string, LocationKind> = {
  SHELF: 'shelf',
  FRIDGE: 'refrigerator',
  FREEZER: 'freezer',
  VAULT: 'vault',
  QUARANTINE: 'quarantine',
};

export interface MovementInput {
  type: MovementType;
  location: string;
  ndc11: string;
  lot?: string | null | undefined;
  expiry?: string | null | undefined;
  serial?: string | null | undefined;
  /** Signed change in thousandths of a unit. */
  qtyMilli: number;
  reason?: string | null | undefined;
  reference?: string | null | undefined;
  patientId?: string | null | undefined;
  witnessUserId?: string | null | undefined;
  unitCostMicro?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}

export interface StockKey {
  siteId: string;
  location: string;
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
}
