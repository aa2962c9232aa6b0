import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { SwitchError, switchFor } from './switch';

export interface Endpoint {
  url: string;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Where to send a claim for a BIN/PCN: payer_endpoints (exact PCN, then the BIN's '' row), else the switch in
 * APOTHECA_SWITCH_URL (tcp://host:port). APOTHECA_SWITCH_TIMEOUT_MS sets the default timeout.
 */
export async function resolveEndpoint(db: Db, bin: string, pcn: string): Promise<Endpoint> {
  const rows = await db
    .selectFrom('payer_endpoints')
    .selectAll()
    .where('bin', '=', bin)
    .where('pcn', 'in', [pcn, ''])
    .execute();
  const row = rows.find((r) => r.pcn === pcn) ?? rows.find((r) => r.pcn === '');
  if (row) return { url: row.url, timeoutMs: row.timeout_ms };
  const env = process.env.APOTHECA_SWITCH_URL;
  if (env)
    return { url: env, timeoutMs: Number(process.env.APOTHECA_SWITCH_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS };
  throw new AppError(
    409,
    'no_payer_endpoint',
    `No switch is configured for BIN ${bin}${pcn ? ` PCN ${pcn}` : ''}`,
    {
      errors: [{ field: 'bin', reason: 'no payer endpoint (payer_endpoints or APOTHECA_SWITCH_URL)' }],
    },
  );
}

export type SendOutcome =
  | { kind: 'response'; raw: string; ms: number }
  | { kind: 'unknown' | 'not_sent'; error: string; ms: number };

/** Sends one message. Never throws: the caller records every outcome. */
export async function send(endpoint: Endpoint, raw: string): Promise<SendOutcome> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  try {
    const res = await switchFor(endpoint.url).send(raw, endpoint.timeoutMs);
    return { kind: 'response', raw: res, ms: ms() };
  } catch (e) {
    if (e instanceof SwitchError) return { kind: e.kind, error: e.message, ms: ms() };
    return { kind: 'not_sent', error: e instanceof Error ? e.message : String(e), ms: ms() };
  }
}
