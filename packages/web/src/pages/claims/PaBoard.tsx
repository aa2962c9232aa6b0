import { type FormEvent, useState } from 'react';
import {
  claimsApi,
  PA_ACTION_LABELS,
  PA_STATUS_LABELS,
  PA_STATUSES,
  type PaCase,
  type PaStatus,
} from '../../api/claims';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import { useApi } from '../../api/useApi';
import { Modal } from '../../components/Modal';
import { Badge, Empty, ErrorBanner, Field, fmtDate, Loading, PageHeader } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';

/** The board's columns, in the order a case moves (docs/claims.md, PA_ACTIONS in pa.ts). */
const COLUMNS: PaStatus[] = ['needed', 'sent_to_prescriber', 'submitted', 'approved', 'denied', 'appealed'];

function MoveDialog({
  pa,
  action,
  onClose,
  onDone,
}: {
  pa: PaCase;
  action: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const [paNumber, setPaNumber] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [denialReason, setDenial] = useState('');
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const label = PA_ACTION_LABELS[action] ?? action;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const body: Record<string, string> = {};
    if (note.trim()) body.note = note.trim();
    if (action === 'approve') {
      body.paNumber = paNumber.trim();
      if (expiresOn) body.expiresOn = expiresOn;
    }
    if (action === 'deny') body.denialReason = denialReason.trim();
    try {
      await claimsApi.movePa(pa.id, action, body);
      onDone();
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
      setBusy(false);
    }
  };
  return (
    <Modal title={`${label}: ${pa.drug_description ?? 'prior authorization'}`} onClose={onClose}>
      <form onSubmit={submit}>
        {failure ? <ErrorBanner error={failure} title="Not moved" /> : null}
        {action === 'approve' ? (
          <div className="form-grid">
            <Field label="PA number" required error={failure?.fieldError('paNumber')}>
              {(p) => (
                <input
                  {...p}
                  data-autofocus
                  maxLength={11}
                  value={paNumber}
                  onChange={(e) => setPaNumber(e.target.value)}
                />
              )}
            </Field>
            <Field label="Expires on" required error={failure?.fieldError('expiresOn')}>
              {(p) => (
                <input {...p} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
              )}
            </Field>
          </div>
        ) : null}
        {action === 'deny' ? (
          <Field label="Denial reason" required error={failure?.fieldError('denialReason')}>
            {(p) => (
              <textarea
                {...p}
                data-autofocus
                rows={2}
                value={denialReason}
                onChange={(e) => setDenial(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field label="Note" hint="Who you spoke to, fax confirmation, portal reference…">
          {(p) => (
            <textarea
              {...p}
              rows={2}
              {...(action === 'approve' || action === 'deny' ? {} : { 'data-autofocus': true })}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {label}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Back
          </button>
        </div>
      </form>
    </Modal>
  );
}

function CaseCard({
  pa,
  name,
  canMove,
  onMove,
}: {
  pa: PaCase;
  name: string | null;
  canMove: boolean;
  onMove: (action: string) => void;
}) {
  return (
    <li className="pa-card" data-testid="pa-card">
      <p className="pa-drug">
        <strong>{pa.drug_description ?? (pa.ndc11 ? `NDC ${fmtNdc(pa.ndc11)}` : 'Drug')}</strong>
      </p>
      {name ? <p>{name}</p> : null}
      <p className="muted">
        {pa.payer_name} · member <span className="mono">{pa.member_id}</span>
      </p>
      {pa.pa_number ? (
        <p>
          PA <span className="mono">{pa.pa_number}</span>
          {pa.expires_on ? ` · expires ${fmtDate(pa.expires_on)}` : ''}
        </p>
      ) : null}
      {pa.denial_reason ? <p>Denied: {pa.denial_reason}</p> : null}
      <p className="pa-age">
        {pa.idleDays === 0 ? 'Active today' : `Idle ${pa.idleDays} ${pa.idleDays === 1 ? 'day' : 'days'}`}
        {pa.stalled ? (
          <>
            {' '}
            <Badge tone="warn">Stalled</Badge>
          </>
        ) : null}
      </p>
      {pa.reminder ? <p className="hint">{pa.reminder}</p> : null}
      {pa.fill_id ? (
        <p>
          <Link href={`/fills/${pa.fill_id}`}>Open the prescription</Link>
        </p>
      ) : null}
      {canMove && pa.actions.length ? (
        <div className="pa-actions">
          {pa.actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn btn-small ${a === 'cancel' ? 'btn-ghost' : a === 'approve' ? 'btn-primary' : 'btn-secondary'}`}
              onClick={() => onMove(a)}
              aria-label={`${PA_ACTION_LABELS[a] ?? a}: ${pa.drug_description ?? ''}${name ? `, ${name}` : ''}`}
            >
              {PA_ACTION_LABELS[a] ?? a}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** Prior authorization board: one column per status; a case moves only along the transitions the API allows. */
export default function PaBoard() {
  const { site, can } = useSession();
  const canMove = can('pa.manage');
  const [moving, setMoving] = useState<{ pa: PaCase; action: string } | null>(null);
  const { data, error, loading, reload } = useApi(
    (signal) => api.get<{ items: PaCase[] }>('/api/pa-cases', { siteId: site?.id, limit: 500 }, signal),
    [site?.id],
  );
  const items = data?.items ?? [];
  const by = new Map<string, PaCase[]>(PA_STATUSES.map((s) => [s, []]));
  for (const c of items) by.get(c.status)?.push(c);
  const cancelled = by.get('cancelled') ?? [];
  const nameOf = (c: PaCase) => c.patientName ?? null;

  return (
    <>
      <PageHeader
        title="Prior authorizations"
        subtitle={
          <>
            Cases at {site?.code}, from the first 75 reject to the plan’s answer.{' '}
            <Link href="/claims">Claims worklist →</Link>
          </>
        }
      />
      {error ? <ErrorBanner error={error} /> : null}
      {loading && !data ? <Loading label="Loading cases…" /> : null}
      {data && !items.length ? (
        <Empty>No prior authorization cases. A claim rejected 75 offers to open one.</Empty>
      ) : null}
      {data ? (
        <div className="pa-board">
          {COLUMNS.map((s) => {
            const list = by.get(s) ?? [];
            return (
              <section key={s} className="pa-col" aria-labelledby={`pa-${s}`} data-status={s}>
                <h2 id={`pa-${s}`}>
                  {PA_STATUS_LABELS[s]} <span className="pa-count">{list.length}</span>
                </h2>
                {list.length ? (
                  <ul>
                    {list.map((c) => (
                      <CaseCard
                        key={c.id}
                        pa={c}
                        name={nameOf(c)}
                        canMove={canMove}
                        onMove={(action) => setMoving({ pa: c, action })}
                      />
                    ))}
                  </ul>
                ) : (
                  <p className="pa-empty">None</p>
                )}
              </section>
            );
          })}
        </div>
      ) : null}
      {cancelled.length ? (
        <details className="pa-cancelled">
          <summary>Cancelled cases ({cancelled.length})</summary>
          <ul>
            {cancelled.map((c) => (
              <CaseCard key={c.id} pa={c} name={nameOf(c)} canMove={false} onMove={() => undefined} />
            ))}
          </ul>
        </details>
      ) : null}
      {moving ? (
        <MoveDialog
          pa={moving.pa}
          action={moving.action}
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
