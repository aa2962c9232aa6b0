import { useState } from 'react';
import { ACTION_LABELS, NEEDS_REASON, PRIORITY_LABELS, stateLabel } from '../../api/rx';
import { Badge, ErrorBanner, fmtDate, Loading, PageHeader } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ClaimPanel } from '../claims/ClaimPanel';
import { PatientPinnedNotes } from '../PatientNotes';
import { AllergyBadge } from '../Patients';
import { ActionDialog, kindOf } from './ActionDialog';
import { Alerts } from './Alerts';
import { useFill } from './data';
import { EntryForm } from './EntryForm';
import { History, Stepper } from './History';
import { IntakeReview } from './IntakeReview';
import { LabelActions } from './LabelActions';
import { OriginalPanel } from './OriginalPanel';
import { Pickup } from './Pickup';
import { ScanStation } from './ScanStation';
import { BagSummary, Comparison } from './Verification';

/** Actions the state's own panel offers; the rest appear in the action bar. */
const PANEL_ACTIONS = new Set([
  'accept_intake',
  'submit_entry',
  'record_fill',
  'sell',
  'verify_data',
  'reject_data',
  'verify_final',
  'reject_final',
  'adjudicate',
]);

export default function FillPage({ id }: { id: string }) {
  const { can } = useSession();
  const { data, error, reload } = useFill(id);
  const [dialog, setDialog] = useState<string | null>(null);

  if (error?.status === 404)
    return (
      <>
        <PageHeader title="Prescription not found" />
        <div className="banner banner-error" role="alert">
          This prescription was not found. It does not exist or belongs to a site you do not have access to.
        </div>
        <p>
          <Link href="/queue">← Back to the queue</Link>
        </p>
      </>
    );
  if (error && !data)
    return (
      <>
        <PageHeader title="Prescription" />
        <ErrorBanner error={error} />
      </>
    );
  if (!data) return <Loading label="Loading prescription…" />;

  const { fill, prescription: rx, overrides, availableActions } = data.detail;
  const has = (a: string) => availableActions.includes(a);
  const pt = data.patient;
  const canOverride = can('prescriptions.override_alert');
  const state = fill.state;
  const verifying = state === 'data_verification' || state === 'final_verification';
  const barActions = availableActions.filter((a) => !PANEL_ACTIONS.has(a));
  const approve = state === 'data_verification' ? 'verify_data' : 'verify_final';
  const sendBack = state === 'data_verification' ? 'reject_data' : 'reject_final';

  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={`/queue?state=${state}`}>Queue</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">
          Rx {rx.rx_number}-{fill.fill_number}
        </span>
      </nav>
      <PageHeader
        title={`Rx ${rx.rx_number}-${fill.fill_number} · ${stateLabel(state)}`}
        subtitle={
          <>
            {pt ? (
              <>
                <Link href={`/patients/${pt.id}`}>
                  {pt.lastName}, {pt.firstName}
                </Link>{' '}
                · DOB {fmtDate(pt.birthDate)} · <AllergyBadge status={pt.allergyStatus} />
              </>
            ) : (
              'Patient not matched'
            )}{' '}
            · {rx.drug_description} ·{' '}
            <Badge tone={fill.priority === 'waiter' ? 'bad' : 'neutral'}>
              {PRIORITY_LABELS[fill.priority] ?? fill.priority}
            </Badge>
            {rx.schedule ? (
              <>
                {' '}
                <Badge tone="warn">{rx.schedule}</Badge>
              </>
            ) : null}
          </>
        }
      />
      {pt ? <PatientPinnedNotes patientId={pt.id} /> : null}
      <Stepper state={state} previous={fill.previous_state} />
      {error ? <ErrorBanner error={error} title="Refresh failed" /> : null}
      {fill.hold_reason && state === 'on_hold' ? (
        <div className="banner banner-warn" role="status">
          On hold: {fill.hold_reason}
        </div>
      ) : null}

      {state === 'fill' ? (
        <ScanStation bundle={data} canFill={has('record_fill')} onChanged={reload} />
      ) : null}

      {state === 'intake' ? (
        <IntakeReview bundle={data} canAccept={has('accept_intake')} onChanged={reload} />
      ) : null}

      {state === 'data_entry' ? (
        <div className="split">
          <OriginalPanel rx={rx} patient={pt} prescriber={data.prescriber} />
          <section className="card">
            <EntryForm
              bundle={data}
              canEdit={can('prescriptions.enter')}
              canSubmit={has('submit_entry')}
              onChanged={reload}
            />
            {rx.ndc11 ? (
              <Alerts
                fillId={fill.id}
                alerts={fill.screening}
                overrides={overrides}
                canOverride={canOverride}
                onChanged={reload}
              />
            ) : null}
          </section>
        </div>
      ) : null}

      {verifying ? (
        <div className="verify-layout">
          <h2 className="sr-only">Verification</h2>
          <Alerts
            fillId={fill.id}
            alerts={fill.screening}
            overrides={overrides}
            canOverride={canOverride}
            onChanged={reload}
          />
          <Comparison bundle={data} />
          {has(approve) || has(sendBack) ? (
            <div className="form-actions verify-actions">
              {has(approve) ? (
                <button
                  type="button"
                  className="btn btn-primary btn-large"
                  onClick={() => setDialog(approve)}
                >
                  {state === 'final_verification' ? 'Approve & sign' : 'Approve data entry'}
                </button>
              ) : null}
              {has(sendBack) ? (
                <button
                  type="button"
                  className="btn btn-secondary btn-large"
                  onClick={() => setDialog(sendBack)}
                >
                  {ACTION_LABELS[sendBack]}
                </button>
              ) : null}
            </div>
          ) : (
            <p className="hint">A pharmacist verifies this step.</p>
          )}
          <OriginalPanel rx={rx} patient={pt} prescriber={data.prescriber} />
        </div>
      ) : null}

      {state === 'ready' ? (
        <div className="split split-pickup">
          <Pickup bundle={data} canSell={has('sell')} onChanged={reload} />
          <section className="card" aria-labelledby="label-h">
            <h2 id="label-h">In the bag</h2>
            <BagSummary bundle={data} />
            {can('labels.print') ? (
              <LabelActions bundle={data} />
            ) : (
              <p className="hint">Your role cannot print labels.</p>
            )}
          </section>
        </div>
      ) : null}

      {state === 'claim' ? (
        <div className="split">
          <ClaimPanel bundle={data} canAdjudicate={has('adjudicate')} onChanged={reload} />
          <section className="card" aria-labelledby="claim-rx-h">
            <h2 id="claim-rx-h">What is billed</h2>
            <Comparison bundle={data} />
          </section>
        </div>
      ) : null}

      {['sold', 'cancelled', 'returned_to_stock', 'on_hold', 'clarification'].includes(state) ? (
        <div className="split">
          <OriginalPanel rx={rx} patient={pt} prescriber={data.prescriber} />
          <section className="card">
            <h2>Status</h2>
            <Comparison bundle={data} />
            {state === 'sold' && fill.sold_at ? (
              <p className="banner banner-ok">Sold {fmtDate(fill.sold_at.slice(0, 10))}.</p>
            ) : null}
          </section>
        </div>
      ) : null}

      {barActions.length ? (
        <section className="action-bar" aria-label="Workflow actions">
          {barActions.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn ${a === 'adjudicate' || a === 'release_hold' || a === 'resolve_clarification' ? 'btn-primary' : a === 'cancel' ? 'btn-danger' : 'btn-secondary'}`}
              onClick={() => setDialog(a)}
            >
              {ACTION_LABELS[a] ?? a}
            </button>
          ))}
        </section>
      ) : null}

      <History detail={data.detail} />

      {dialog ? (
        <ActionDialog
          fillId={fill.id}
          action={dialog}
          kind={kindOf(dialog, NEEDS_REASON.has(dialog))}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
