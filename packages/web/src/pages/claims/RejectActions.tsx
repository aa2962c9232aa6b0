import { type FormEvent, type ReactNode, useState } from 'react';
import {
  type BillResult,
  type Coverage,
  claimsApi,
  type Eligibility,
  fmtDos,
  type NextAction,
  type Reject,
} from '../../api/claims';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import { Badge, ErrorBanner, Field, fmtDate } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';

export interface ClaimRef {
  claimId: string;
  fillId: string;
  patientId: string | null;
}

const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));

/** Runs one API call for a button: busy state, error and a result message. */
function useRun() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(asError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

const SIGNIFICANCE: Record<string, string> = { '1': 'major', '2': 'moderate', '3': 'minor' };

function Alternatives({ a }: { a: NextAction }) {
  const alts = a.alternatives ?? [];
  if (!alts.length)
    return (
      <p className="hint">
        The plan names no covered alternative: ask the prescriber for a covered drug, or offer the cash price.
      </p>
    );
  return (
    <>
      <p className="reject-detail-title">Covered alternatives the plan prefers:</p>
      <ul className="reject-alts">
        {alts.map((p) => (
          <li key={p.ndc11}>
            {p.description ?? 'Product'} <span className="mono">NDC {fmtNdc(p.ndc11)}</span>
          </li>
        ))}
      </ul>
      <p className="hint">Ask the prescriber to change to one of these, then re-enter the prescription.</p>
    </>
  );
}

function OpenPa({ claim }: { claim: ClaimRef }) {
  const { can } = useSession();
  const { busy, error, run } = useRun();
  const [done, setDone] = useState<{ existing: boolean; status: string }>();
  if (!can('pa.manage'))
    return <p className="hint">Someone who works prior authorizations opens the case.</p>;
  if (done)
    return (
      <p className="banner banner-ok" role="status">
        {done.existing ? 'A prior authorization case is already open' : 'Prior authorization case opened'} (
        {done.status.replaceAll('_', ' ')}). The patient is told about the delay.{' '}
        <Link href="/pa">Open the PA board →</Link>
      </p>
    );
  return (
    <>
      {error ? <ErrorBanner error={error} /> : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const r = await claimsApi.openPa(claim.claimId);
            setDone({ existing: r.existing, status: r.case.status });
          })
        }
      >
        Open a prior authorization
      </button>
    </>
  );
}

function ProposeQuantity({
  a,
  claim,
  onBilled,
}: {
  a: NextAction;
  claim: ClaimRef;
  onBilled: (r: BillResult) => void;
}) {
  const { can } = useSession();
  const { busy, error, run } = useRun();
  const p = a.proposal;
  return (
    <>
      <p>
        The plan allows at most{' '}
        {a.allowedQuantity !== undefined ? <strong>{a.allowedQuantity} units</strong> : null}
        {a.allowedQuantity !== undefined && a.allowedDaysSupply !== undefined ? ' and ' : null}
        {a.allowedDaysSupply !== undefined ? <strong>{a.allowedDaysSupply} days</strong> : null} per fill.
        {p ? ` Proposed: ${p.quantity} for ${p.daysSupply} days (same daily dose).` : null}
      </p>
      {error ? <ErrorBanner error={error} /> : null}
      {p && can('claims.submit') ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => run(async () => onBilled(await claimsApi.bill(claim.fillId, p)))}
        >
          Bill {p.quantity} for {p.daysSupply} days
        </button>
      ) : null}
    </>
  );
}

function OtherPayerFirst({
  a,
  claim,
  onBilled,
}: {
  a: NextAction;
  claim: ClaimRef;
  onBilled: (r: BillResult) => void;
}) {
  const { can } = useSession();
  const { busy, error, run } = useRun();
  const [note, setNote] = useState<string>();
  const payers = a.otherPayers ?? [];
  const bill = () =>
    run(async () => {
      setNote(undefined);
      if (!claim.patientId) throw new ApiError(0, 'no_patient', 'The prescription has no patient');
      const clinical = await api.get<{ coverages: Coverage[] }>(`/api/patients/${claim.patientId}/clinical`);
      const bins = new Set(payers.map((p) => p.bin));
      const cov = clinical.coverages.find((c) => c.active && bins.has(c.bin));
      if (!cov) {
        setNote(
          'That payer is not on the patient’s coverage list: add it on the patient’s profile, then bill it.',
        );
        return;
      }
      onBilled(await claimsApi.bill(claim.fillId, { coverageId: cov.id }));
    });
  return (
    <>
      {payers.length ? (
        <ul className="reject-alts">
          {payers.map((p) => (
            <li key={`${p.bin}-${p.cardholderId}`}>
              BIN <span className="mono">{p.bin ?? '—'}</span>
              {p.pcn ? ` · PCN ${p.pcn}` : ''}
              {p.cardholderId ? ` · member ${p.cardholderId}` : ''}
              {p.groupId ? ` · group ${p.groupId}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Ask the patient for their other insurance card.</p>
      )}
      {note ? (
        <p className="banner banner-warn" role="status">
          {note}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {payers.length && can('claims.submit') ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={bill}>
          Bill the other payer first
        </button>
      ) : null}
    </>
  );
}

function DurOverride({
  a,
  claim,
  onBilled,
}: {
  a: NextAction;
  claim: ClaimRef;
  onBilled: (r: BillResult) => void;
}) {
  const { can } = useSession();
  const { busy, error, run } = useRun();
  const conflicts = a.conflicts ?? [];
  const [reasonCode, setReason] = useState(conflicts[0]?.reasonForServiceCode ?? 'DD');
  const [professionalServiceCode, setPs] = useState('M0');
  const [resultCode, setResult] = useState('1G');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(async () =>
      onBilled(
        await claimsApi.bill(claim.fillId, {
          durOverride: { reasonCode, professionalServiceCode, resultCode },
        }),
      ),
    );
  };
  const codeOptions = (codes: Record<string, string> | undefined) =>
    Object.entries(codes ?? {}).map(([k, v]) => (
      <option key={k} value={k}>
        {k} — {v}
      </option>
    ));
  return (
    <>
      {conflicts.length ? (
        <ul className="reject-alts">
          {conflicts.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conflicts have no id and never reorder
            <li key={i}>
              <strong>{c.reasonForServiceCode ?? 'DUR'}</strong>
              {c.clinicalSignificanceCode
                ? ` (${SIGNIFICANCE[c.clinicalSignificanceCode] ?? c.clinicalSignificanceCode})`
                : ''}
              {c.freeText ? ` ${c.freeText}` : ''}
              {c.additionalText ? ` — ${c.additionalText}` : ''}
              {c.previousDateOfFill ? ` · previous fill ${fmtDate(fmtDos(c.previousDateOfFill))}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {can('claims.dur_override') ? (
        <form className="dur-form" onSubmit={submit} aria-label="DUR override">
          {error ? <ErrorBanner error={error} /> : null}
          <div className="form-grid">
            <Field label="Reason for service">
              {(p) => (
                <select {...p} value={reasonCode} onChange={(e) => setReason(e.target.value)}>
                  {[
                    ...new Set([
                      ...conflicts.map((c) => c.reasonForServiceCode ?? ''),
                      'DD',
                      'TD',
                      'ID',
                      'ER',
                    ]),
                  ]
                    .filter(Boolean)
                    .map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <Field label="Professional service">
              {(p) => (
                <select {...p} value={professionalServiceCode} onChange={(e) => setPs(e.target.value)}>
                  {codeOptions(a.professionalServiceCodes)}
                </select>
              )}
            </Field>
            <Field label="Result of service">
              {(p) => (
                <select {...p} value={resultCode} onChange={(e) => setResult(e.target.value)}>
                  {codeOptions(a.resultOfServiceCodes)}
                </select>
              )}
            </Field>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Override and resubmit
          </button>
        </form>
      ) : (
        <p className="hint">A pharmacist reviews the conflict and resubmits with the DUR override codes.</p>
      )}
    </>
  );
}

function RunEligibility({ claim }: { claim: ClaimRef }) {
  const { can } = useSession();
  const { busy, error, run } = useRun();
  const [result, setResult] = useState<Eligibility>();
  if (!can('claims.submit') || !claim.patientId) return null;
  const patientId = claim.patientId;
  return (
    <>
      {error ? <ErrorBanner error={error} /> : null}
      {result ? (
        <div className={`banner ${result.eligible ? 'banner-ok' : 'banner-warn'}`} role="status">
          <strong>{result.eligible ? 'Eligible' : 'Not eligible'}</strong> at {result.payerName}.{' '}
          {result.messages.slice(1).join(' ')}{' '}
          {result.eligible ? null : 'Ask the patient for current insurance, or offer the cash price.'}
        </div>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => run(async () => setResult(await claimsApi.eligibility(patientId)))}
      >
        Run eligibility
      </button>
    </>
  );
}

function ActionBody({
  a,
  claim,
  onBilled,
}: {
  a: NextAction;
  claim: ClaimRef;
  onBilled: (r: BillResult) => void;
}): ReactNode {
  switch (a.kind) {
    case 'show-formulary-alternatives':
      return <Alternatives a={a} />;
    case 'open-prior-authorization':
      return (
        <>
          {a.alternatives?.length ? <Alternatives a={a} /> : null}
          <OpenPa claim={claim} />
        </>
      );
    case 'propose-allowed-quantity':
      return <ProposeQuantity a={a} claim={claim} onBilled={onBilled} />;
    case 'show-earliest-fill-date':
      return a.earliestFillDate ? (
        <p>
          Earliest fill date: <strong data-testid="earliest-fill">{fmtDate(a.earliestFillDate)}</strong>. Put
          the fill on hold until then, or ask the plan for a vacation/lost-supply override.
        </p>
      ) : (
        <p className="hint">The plan did not say when; call the help desk.</p>
      );
    case 'bill-other-payer-first':
      return <OtherPayerFirst a={a} claim={claim} onBilled={onBilled} />;
    case 'pharmacist-dur-override':
      return <DurOverride a={a} claim={claim} onBilled={onBilled} />;
    case 'run-eligibility':
      return <RunEligibility claim={claim} />;
    case 'correct-field':
      return (
        <p className="hint">
          Correct {a.field ? <code>{a.field}</code> : 'the field'} on the prescription or patient record, then
          bill again.
        </p>
      );
    default:
      return null;
  }
}

/** Each reject: code, the payer's description, what it means in plain words, and its next action. */
export function RejectList({
  rejects,
  claim,
  onBilled,
}: {
  rejects: Reject[];
  claim: ClaimRef;
  onBilled: (r: BillResult) => void;
}) {
  return (
    <ul className="rejects">
      {rejects.map((r) => (
        <li key={r.code} className="reject" data-code={r.code}>
          <p className="reject-head">
            <Badge tone="bad">Reject {r.code}</Badge> <span className="reject-desc">{r.description}</span>
          </p>
          <p className="reject-plain">{r.plain}</p>
          <div className="reject-action">
            <p className="reject-next">
              Next: <strong>{r.nextAction.label}</strong>
            </p>
            <ActionBody a={r.nextAction} claim={claim} onBilled={onBilled} />
          </div>
        </li>
      ))}
    </ul>
  );
}
