/**
 * One error model (RFC 9457 problem details). Services throw AppError with a stable `code`;
 * app.ts renders every error once as application/problem+json.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldProblem[]; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found`);
export const forbidden = (why = 'You do not have permission for this action') =>
  new AppError(403, 'forbidden', why);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'unauthenticated', message);
export const badRequest = (code: string, message: string, errors?: FieldProblem[]) =>
  new AppError(400, code, message, errors ? { errors } : {});

export const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
