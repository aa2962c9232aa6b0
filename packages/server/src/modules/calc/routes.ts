import type { RegisterArgs } from '../../app';

/** Calculations engine routes: wired once the core engine lands (issue 7). */
export function registerCalcRoutes(_args: RegisterArgs): void {}
