/**
 * Thin fetch wrapper for the Apotheca API: cookie session + synchronizer CSRF token on writes,
 * RFC 9457 problem documents turned into a typed ApiError, and transparent retry after re-login
 * when the session ends mid-work (the caller's form state stays mounted underneath the dialog).
 */

export interface FieldError {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The whole problem document: some problems carry extra members (candidates, expectedNdc11, …). */
  readonly body: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    errors: FieldError[] = [],
    body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.body = body;
  }

  /** Reason for one field; matches `firstName` against `firstName` or `body.firstName`. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.reason;
  }
}

const CSRF_COOKIE = 'apotheca_csrf';
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The CSRF cookie shares the session cookie's lifetime, so its absence means "not signed in". */
export const hasSessionHint = (): boolean => readCookie(CSRF_COOKIE) !== null;

type ExpiredHandler = () => Promise<void>;
let expiredHandler: ExpiredHandler | null = null;
let pendingRelogin: Promise<void> | null = null;

/** Registers the UI that asks for the password again; it resolves after a successful sign-in. */
export function onSessionExpired(handler: ExpiredHandler | null): void {
  expiredHandler = handler;
}

function asFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((e): e is { field: unknown; reason: unknown } => typeof e === 'object' && e !== null)
    .map((e) => ({ field: String(e.field ?? ''), reason: String(e.reason ?? 'is invalid') }));
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (e.g. a proxy error page): fall back to the status line.
  }
  const code = typeof body.code === 'string' ? body.code : `http_${res.status}`;
  const detail =
    typeof body.detail === 'string' ? body.detail : `${res.status} ${res.statusText || 'Request failed'}`;
  return new ApiError(res.status, code, detail, asFieldErrors(body.errors), body);
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Login itself must not trigger the re-login dialog. */
  noRelogin?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const isSessionEnd = (e: ApiError): boolean =>
  e.status === 401 && (e.code === 'session_expired' || e.code === 'unauthenticated');

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? readCookie(CSRF_COOKIE);
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network_error',
      'The server could not be reached. Check the connection and try again.',
    );
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const err = await toApiError(res);
  if (isSessionEnd(err) && !opts.noRelogin && expiredHandler) {
    // Concurrent calls share one dialog; each retries once the user is back.
    pendingRelogin ??= expiredHandler().finally(() => {
      pendingRelogin = null;
    });
    await pendingRelogin;
    return request<T>(method, path, opts);
  }
  throw err;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** POST returning a file (PDF, ZPL): same CSRF and problem handling as `request`, the body read as a Blob. */
export async function postForBlob(
  path: string,
  body: unknown,
  query?: RequestOptions['query'],
): Promise<Blob> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = csrfToken ?? readCookie(CSRF_COOKIE);
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'The server could not be reached. Check the connection and try again.',
    );
  }
  if (!res.ok) throw await toApiError(res);
  return res.blob();
}
