import { createHash, randomBytes } from 'node:crypto';

/** Secrets are random; only their SHA-256 is stored, so a database leak does not leak sessions or tokens. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export const SESSION_COOKIE = 'apotheca_session';
export const CSRF_COOKIE = 'apotheca_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const API_TOKEN_PREFIX = 'apo_';
