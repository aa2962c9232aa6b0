import { type FormEvent, useState } from 'react';
import {
  type BillResult,
  CLAIM_STATUS_LABELS,
  type ClaimRow,
  claimTone,
  fmtCents,
  fmtDos,
} from '../../api/claims';
import { api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import { useApi } from '../../api/useApi';
import {
  Badge,
  Empty,
  ErrorBanner,
  Field,
  fmtDate,
  fmtDateTime,
  Loading,
  PageHeader,
} from '../../components/ui';
import { Link, navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { RejectList } from './RejectActions';

const STATUSES = ['rejected', 'unknown', 'paid', 'captured', 'reversed', ''] as const;

/**
 * Claims worklist: rejected (by default) claims at the selected site, each reject explained in plain words with
 * the next action a technician can take right here; filters live in the URL so a filtered list can be shared.
 */
export default function Claims() {
  const { site } = useSession();
  const { query } = useLocation();
  const status = query.get('status') ?? 'rejected';
  const payer = query.get('payer') ?? '';
  const rejectCode = query.get('rejectCode') ?? '';
  const [payerText, setPayerText] = useState(payer);
  const [codeText, setCodeText] = useState(rejectCode);
  const [flash, setFlash] = useState<string>();
  const { data, error, loading, reload } = useApi(
    (signal) =>
      api.get<{ items: ClaimRow[] }>(
        '/api/claims',
        { siteId: site?.id, status: status || undefined, payer, rejectCode, limit: 500 },
        signal,
      ),
    [site?.id, status, payer, rejectCode],
  );

  const setFilters = (next: { status?: string; payer?: string; rejectCode?: string }) => {
    const q = new URLSearchParams();
    const merged = { status, payer, rejectCode, ...next };
    if (merged.status !== 'rejected') q.set('status', merged.status);
    if (merged.payer) q.set('payer', merged.payer);
    if (merged.rejectCode) q.set('rejectCode', merged.rejectCode);
    const s = q.toString();
    navigate(s ? `/claims?${s}` : '/claims', { replace: true });
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ payer: payerText.trim(), rejectCode: codeText.trim().toUpperCase() });
  };
  const items = data?.items ?? [];
  const payers = [...new Map(items.map((c) => [c.bin, c.payerName])).entries()];

  return (
    <>
      <PageHeader
        title="Claims"
        subtitle={
          <>
            Pharmacy claims at {site?.code}. Each reject says what it means and what to do next.{' '}
            <Link href="/pa">Prior authorizations →</Link>
          </>
        }
      />
      <form className="toolbar" onSubmit={apply} aria-label="Filter claims">
        <Field label="Status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setFilters({ status: e.target.value })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s ? CLAIM_STATUS_LABELS[s] : 'All'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Payer (BIN or name)">
          {(p) => (
            <input
              {...p}
              list="claim-payers"
              value={payerText}
              onChange={(e) => setPayerText(e.target.value)}
            />
          )}
        </Field>
        <datalist id="claim-payers">
          {payers.map(([bin, name]) => (
            <option key={bin} value={bin}>
              {name}
            </option>
          ))}
        </datalist>
        <Field label="Reject code">
          {(p) => (
            <input
              {...p}
              className="input-short"
              maxLength={3}
              value={codeText}
              onChange={(e) => setCodeText(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-secondary">
          Apply
        </button>
        {payer || rejectCode ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setPayerText('');
              setCodeText('');
              setFilters({ payer: '', rejectCode: '' });
            }}
          >
            Clear
          </button>
        ) : null}
      </form>
      {flash ? (
        <p className="banner banner-info" role="status" data-testid="claims-flash">
          {flash}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {loading && !data ? <Loading label="Loading claims…" /> : null}
      {data ? (
        <p className="hint" role="status">
          {items.length} {items.length === 1 ? 'claim' : 'claims'}
        </p>
      ) : null}
      {data && !items.length ? <Empty>No claims match these filters.</Empty> : null}
      <ul className="claim-list">
        {items.map((c) => {
          const drug = c.drugName
            ? [c.drugName, c.drugStrength, c.drugForm?.toLowerCase()].filter(Boolean).join(' ')
            : null;
          return (
            <li key={c.claimId} className="card claim-card" data-testid="claim-card">
              <div className="claim-card-head">
                <h2 className="claim-title">
                  <Link href={`/fills/${c.fillId}`}>
                    Rx {c.rxNumber}-{c.fillNumber}
                  </Link>{' '}
                  <Badge tone={claimTone(c.status)}>{CLAIM_STATUS_LABELS[c.status] ?? c.status}</Badge>
                </h2>
                <span className="muted nowrap">{fmtDateTime(c.updatedAt)}</span>
              </div>
              <p className="claim-meta">
                {c.patientName ? <strong>{c.patientName}</strong> : null}
                {c.patientName ? ' · ' : null}
                {drug ?? <span className="mono">NDC {fmtNdc(c.ndc11)}</span>}
                {drug ? (
                  <>
                    {' '}
                    (NDC <span className="mono">{fmtNdc(c.ndc11)}</span>)
                  </>
                ) : null}{' '}
                · qty {c.quantity} · {c.daysSupply} days · {c.payerName} (BIN{' '}
                <span className="mono">{c.bin}</span>) · service {fmtDate(fmtDos(c.dateOfService))}
                {c.cobOrder > 1 ? ' · secondary' : ''}
                {c.status === 'paid' ? (
                  <>
                    {' · patient pays '}
                    <span data-testid="claim-patient-pay">{fmtCents(c.patientPayCents)}</span>
                    {c.copayCents != null ? ` (copay ${fmtCents(c.copayCents)})` : ''}
                    {c.coinsuranceCents ? ` (coinsurance ${fmtCents(c.coinsuranceCents)})` : ''} · plan{' '}
                    {fmtCents(c.planPayCents)}
                  </>
                ) : null}
              </p>
              {c.status === 'rejected' && c.rejects.length ? (
                <RejectList
                  rejects={c.rejects}
                  claim={{ claimId: c.claimId, fillId: c.fillId, patientId: c.patientId }}
                  onBilled={(r: BillResult) => {
                    setFlash(
                      `Rx ${c.rxNumber}-${c.fillNumber} billed again: ${CLAIM_STATUS_LABELS[r.status] ?? r.status}${
                        r.status === 'paid' ? ` (patient pays ${fmtCents(r.patientPayCents)})` : ''
                      }.`,
                    );
                    reload();
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
