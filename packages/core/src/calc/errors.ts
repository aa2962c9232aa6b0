/** A calculation input problem. `field` is the input name (or 'id' for an unknown calculation). */
export class CalcError extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'CalcError';
    this.field = field;
    this.reason = reason;
  }
}
