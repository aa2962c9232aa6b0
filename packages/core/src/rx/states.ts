/**
 * The prescription fill workflow as an explicit state machine (architecture invariant 4): every allowed move,
 * the roles that may make it, and what it requires. The server enforces this table; the UI reads it.
 */
export const FILL_STATES = [
  'intake',
  'data_entry',
  'data_verification',
  'claim',
  'fill',
  'final_verification',
  'ready',
  'sold',
  'on_hold',
  'clarification',
  'cancelled',
  'returned_to_stock',
] as const;
export type FillState = (typeof FILL_STATES)[number];

/** States a fill ends in: it no longer waits in any queue. */
export const DONE_FILL_STATES: readonly FillState[] = ['sold', 'cancelled', 'returned_to_stock'];

/** States a fill still waits in (the live queue), in workflow order. */
export const OPEN_FILL_STATES: readonly FillState[] = FILL_STATES.filter(
  (s) => !DONE_FILL_STATES.includes(s),
);

export type WorkflowRole =
  | 'technician'
  | 'pharmacist'
  | 'pharmacist_in_charge'
  | 'nurse'
  | 'buyer'
  | 'auditor'
  | 'admin';

const TECH_OR_RPH: readonly WorkflowRole[] = ['technician', 'pharmacist', 'pharmacist_in_charge'];
const RPH: readonly WorkflowRole[] = ['pharmacist', 'pharmacist_in_charge'];

/** States in which a fill is still being worked (can be held, cancelled…). */
export const ACTIVE_STATES: readonly FillState[] = [
  'intake',
  'data_entry',
  'data_verification',
  'claim',
  'fill',
  'final_verification',
  'ready',
];
/** States from which a prescriber clarification may be opened (before the pharmacist's data verification is done). */
const CLARIFIABLE: readonly FillState[] = ['intake', 'data_entry', 'data_verification'];

export interface TransitionRule {
  action: WorkflowAction;
  from: readonly FillState[];
  /** Target state; 'previous' returns to the state recorded when the fill was held / sent for clarification. */
  to: FillState | 'previous';
  roles: readonly WorkflowRole[];
  description: string;
  needsReason?: boolean;
}

export const WORKFLOW_ACTIONS = [
  'accept_intake',
  'submit_entry',
  'verify_data',
  'reject_data',
  'adjudicate',
  'record_fill',
  'verify_final',
  'reject_final',
  'sell',
  'hold',
  'release_hold',
  'request_clarification',
  'resolve_clarification',
  'cancel',
  'return_to_stock',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'accept_intake',
    from: ['intake'],
    to: 'data_entry',
    roles: TECH_OR_RPH,
    description: 'Patient and prescriber matched; start data entry',
  },
  {
    action: 'submit_entry',
    from: ['data_entry'],
    to: 'data_verification',
    roles: TECH_OR_RPH,
    description: 'Product, directions, quantity and days’ supply entered; screening run',
  },
  {
    action: 'verify_data',
    from: ['data_verification'],
    to: 'claim',
    roles: RPH,
    description: 'Pharmacist verifies the entry; every major alert resolved',
  },
  {
    action: 'reject_data',
    from: ['data_verification'],
    to: 'data_entry',
    roles: RPH,
    description: 'Send back to data entry',
    needsReason: true,
  },
  {
    action: 'adjudicate',
    from: ['claim'],
    to: 'fill',
    roles: TECH_OR_RPH,
    description: 'Claim paid (or cash) — ready to fill',
  },
  {
    action: 'record_fill',
    from: ['fill'],
    to: 'final_verification',
    roles: TECH_OR_RPH,
    description: 'Stock bottle scanned and matched; lot/expiry captured; stock removed',
  },
  {
    action: 'verify_final',
    from: ['final_verification'],
    to: 'ready',
    roles: RPH,
    description: 'Pharmacist final verification (e-signature)',
  },
  {
    action: 'reject_final',
    from: ['final_verification'],
    to: 'fill',
    roles: RPH,
    description: 'Refill the bottle (stock returned)',
    needsReason: true,
  },
  {
    action: 'sell',
    from: ['ready'],
    to: 'sold',
    roles: TECH_OR_RPH,
    description: 'Picked up: identity checked, signature captured',
  },
  {
    action: 'hold',
    from: ACTIVE_STATES,
    to: 'on_hold',
    roles: TECH_OR_RPH,
    description: 'Put on hold',
    needsReason: true,
  },
  {
    action: 'release_hold',
    from: ['on_hold'],
    to: 'previous',
    roles: TECH_OR_RPH,
    description: 'Release the hold',
  },
  {
    action: 'request_clarification',
    from: CLARIFIABLE,
    to: 'clarification',
    roles: TECH_OR_RPH,
    description: 'Contact the prescriber',
    needsReason: true,
  },
  {
    action: 'resolve_clarification',
    from: ['clarification'],
    to: 'previous',
    roles: TECH_OR_RPH,
    description: 'Prescriber answered',
  },
  {
    action: 'cancel',
    from: [...ACTIVE_STATES, 'on_hold', 'clarification'],
    to: 'cancelled',
    roles: TECH_OR_RPH,
    description: 'Cancel the fill',
    needsReason: true,
  },
  {
    action: 'return_to_stock',
    from: ['ready'],
    to: 'returned_to_stock',
    roles: TECH_OR_RPH,
    description: 'Not picked up: stock back, claim reversed',
    needsReason: true,
  },
];

const BY_ACTION = new Map(TRANSITIONS.map((t) => [t.action, t]));

export type TransitionCheck =
  | { ok: true; to: FillState | 'previous'; rule: TransitionRule }
  | {
      ok: false;
      code: 'unknown_action' | 'illegal_transition' | 'role_not_allowed' | 'reason_required';
      message: string;
    };

/** Whether `roles` may take `action` from `state`; the message says exactly why not. */
export function checkTransition(
  state: FillState,
  action: string,
  roles: readonly string[],
  reason?: string | null,
): TransitionCheck {
  const rule = BY_ACTION.get(action as WorkflowAction);
  if (!rule) return { ok: false, code: 'unknown_action', message: `Unknown workflow action "${action}"` };
  if (!rule.from.includes(state))
    return {
      ok: false,
      code: 'illegal_transition',
      message: `Cannot ${action.replaceAll('_', ' ')} a prescription in ${state.replaceAll('_', ' ')} (allowed from: ${rule.from.join(', ')})`,
    };
  if (!roles.some((r) => (rule.roles as readonly string[]).includes(r)))
    return {
      ok: false,
      code: 'role_not_allowed',
      message: `Only ${rule.roles.join(' or ')} may ${action.replaceAll('_', ' ')}`,
    };
  if (rule.needsReason && !reason?.trim())
    return {
      ok: false,
      code: 'reason_required',
      message: `A reason is required to ${action.replaceAll('_', ' ')}`,
    };
  return { ok: true, to: rule.to, rule };
}

/** Actions the given roles can take now (drives the UI's buttons). */
export function availableActions(state: FillState, roles: readonly string[]): WorkflowAction[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(state) && roles.some((r) => (t.roles as readonly string[]).includes(r)),
  ).map((t) => t.action);
}
