import { useState } from 'react';
import {
  type BillResult,
  type CashPrice,
  CLAIM_STATUS_LABELS,
  type ClaimRow,
  type Coverage,
  claimsApi,
  claimTone,
  fmtCents,
} from '../../api/claims';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Badge, ErrorBanner, Field, Loading } from '../../components/ui';
import { useSession } from '../../session';
import { act, type FillBundle } from '../fill/data';
import { RejectList } from './RejectActions';

const PAID = new Set(['paid', 'captured', 'duplicate']);

function ClaimResult({
  c,
  patientId,
  onBilled,
}: {
  c: ClaimRow;
  patientId: string | null;
  onBilled: (r: BillResult) => void;
}) {
  return (
    <div className={`claim-result claim-${c.status}`} data-testid={`claim-result-${c.cobOrder}`}>
      <h3>
        {c.cobOrder === 1 ? 'Primary' : 'Secondary'}: {c.payerName}{' '}
        <Badge tone={claimTone(c.status)}>{CLAIM_STATUS_LABELS[c.status] ?? c.status}</Badge>
      </h3>
      {PAID.has(c.status) ? (
        <dl className="money">
          <div>
            <dt>Patient pays (copay)</dt>
            <dd data-testid="patient-pay">{fmtCents(c.patientPayCents)}</dd>
          </div>
          <div>
            <dt>Plan pays</dt>
            <dd data-testid="plan-pay">{fmtCents(c.planPayCents)}</dd>
          </div>
          <div>
            <dt>Authorization</dt>
            <dd className="mono">{c.authorizationNumber ?? '—'}</dd>
          </div>
        </dl>
      ) : null}
      {c.status === 'unknown' ? (
        <p className="banner banner-warn">
          The payer did not answer. Billing again first reverses this claim, so the plan can never pay it
          twice.
        </p>
      ) : null}
      {c.status === 'rejected' ? (
        <RejectList
          rejects={c.rejects}
          claim={{ claimId: c.claimId, fillId: c.fillId, patientId }}
          onBilled={onBilled}
        />
      ) : null}
      {c.messages.length > 1 ? (
        <p className="hint">
          Payer says: <span className="mono">{c.messages.slice(1).join(' · ')}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Claim step of a fill: bill the plan, read the answer and act on rejects, then adjudicate (claim or cash). */
export function ClaimPanel({
  bundle,
  canAdjudicate,
  onChanged,
}: {
  bundle: FillBundle;
  canAdjudicate: boolean;
  onChanged: () => void;
}) {
  const { can } = useSession();
  const { fill, prescription: rx } = bundle.detail;
  const patientId = rx.patient_id;
  const ndc11 = fill.ndc11_dispensed ?? rx.ndc11;
  const quantity = fill.quantity ?? rx.quantity;
  const claims = useApi((signal) => claimsApi.ofFill(fill.id, signal), [fill.id]);
  const coverages = useApi(
    async (signal) =>
      patientId && can('patients.read')
        ? (
            await api.get<{ coverages: Coverage[] }>(`/api/patients/${patientId}/clinical`, undefined, signal)
          ).coverages.filter((c) => c.active)
        : [],
    [patientId],
  );
  const cash = useApi(
    async (signal) =>
      ndc11 && quantity
        ? api.get<CashPrice>('/api/cash-price', { siteId: fill.site_id, ndc11, quantity }, signal)
        : null,
    [fill.site_id, ndc11, quantity],
  );
  const [coverageId, setCoverageId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await fn();
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    } finally {
      setBusy(false);
      claims.reload();
    }
  };
  const onBilled = () => {
    claims.reload();
    onChanged();
  };

  const rows = claims.data?.items ?? [];
  const primary = rows.find((c) => c.cobOrder === 1);
  const secondary = rows.find((c) => c.cobOrder > 1);
  const paid = primary ? PAID.has(primary.status) : false;
  const covs = [...(coverages.data ?? [])].sort((a, b) => a.priority - b.priority);
  const secondCov = covs.find((c) => c.priority > 1);
  const canBill = can('claims.submit');

  return (
    <section className="card claim-panel" aria-labelledby="claim-h">
      <h2 id="claim-h">Insurance claim</h2>
      {failure ? (
        <ErrorBanner
          error={failure}
          title={failure.code === 'claim_status_unknown' ? 'No answer from the payer' : 'Not billed'}
        />
      ) : null}
      {covs.length > 1 && canBill && !paid ? (
        <Field label="Bill coverage" hint="Default: the primary (priority 1) coverage.">
          {(p) => (
            <select {...p} value={coverageId} onChange={(e) => setCoverageId(e.target.value)}>
              <option value="">Primary coverage</option>
              {covs.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.priority}. {c.payer_name} · BIN {c.bin} · {c.member_id}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : covs.length === 1 && covs[0] ? (
        <p className="hint">
          Coverage: {covs[0].payer_name} · BIN <span className="mono">{covs[0].bin}</span> · member{' '}
          <span className="mono">{covs[0].member_id}</span>
        </p>
      ) : coverages.data && !covs.length ? (
        <p className="hint">No coverage on file: the patient pays cash.</p>
      ) : null}

      <div className="form-actions claim-actions">
        {canBill && !paid ? (
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await claimsApi.bill(fill.id, coverageId ? { coverageId } : {});
                onChanged();
              })
            }
          >
            {primary ? 'Bill insurance again' : 'Bill insurance'}
          </button>
        ) : null}
        {canBill && paid && secondCov && !(secondary && PAID.has(secondary.status)) ? (
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy}
            onClick={() => run(() => claimsApi.billSecondary(fill.id, secondCov.id))}
          >
            Bill secondary ({secondCov.payer_name})
          </button>
        ) : null}
      </div>

      <div aria-live="polite" className="claim-results">
        {busy ? <Loading label="Waiting for the payer…" /> : null}
        {claims.error ? <ErrorBanner error={claims.error} /> : null}
        {rows.map((c) => (
          <ClaimResult key={c.claimId} c={c} patientId={patientId} onBilled={onBilled} />
        ))}
      </div>

      {canAdjudicate ? (
        <div className="form-actions claim-next">
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={busy || !paid}
            onClick={() =>
              run(async () => {
                await act(fill.id, 'adjudicate', { payment: 'claim' });
                onChanged();
              })
            }
          >
            Adjudicate (claim paid)
          </button>
          {!paid ? (
            <button
              type="button"
              className="btn btn-secondary btn-large"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await act(fill.id, 'adjudicate', { payment: 'cash' });
                  onChanged();
                })
              }
            >
              Cash{cash.data ? ` (${fmtCents(cash.data.bestCents)})` : ''}
            </button>
          ) : null}
        </div>
      ) : null}
      {cash.data && !paid ? (
        <p className="hint" data-testid="cash-price">
          Cash price: usual &amp; customary {fmtCents(cash.data.usualAndCustomaryCents)}
          {cash.data.programs.map((p) => ` · ${p.name} ${fmtCents(p.priceCents)}`).join('')}.
        </p>
      ) : null}
      {cash.error ? <ErrorBanner error={cash.error} title="Cash price" /> : null}
    </section>
  );
}
