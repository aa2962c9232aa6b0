import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorBanner } from '../../components/ui';
import { act, type FillBundle } from './data';
import { OriginalPanel } from './OriginalPanel';

/** Intake: check the original was read right and patient and prescriber are matched, then start entry. */
export function IntakeReview({
  bundle,
  canAccept,
  onChanged,
}: {
  bundle: FillBundle;
  canAccept: boolean;
  onChanged: () => void;
}) {
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const { fill, prescription: rx } = bundle.detail;
  async function accept() {
    setBusy(true);
    setFailure(undefined);
    try {
      await act(fill.id, 'accept_intake');
      onChanged();
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="split">
      <OriginalPanel rx={rx} patient={bundle.patient} prescriber={bundle.prescriber} />
      <section className="card" aria-labelledby="intake-h">
        <h2 id="intake-h">Intake check</h2>
        <ul className="checklist">
          <li className={bundle.patient ? 'ok' : 'bad'}>
            {bundle.patient ? '✓ Patient matched' : '✕ Patient not matched'}
          </li>
          <li className={bundle.prescriber ? 'ok' : 'bad'}>
            {bundle.prescriber ? '✓ Prescriber matched' : '✕ Prescriber not matched'}
          </li>
          <li className="ok">✓ Written {rx.written_date}</li>
        </ul>
        {failure ? <ErrorBanner error={failure} title="Cannot start entry" /> : null}
        {canAccept ? (
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={busy}
            onClick={() => void accept()}
          >
            Accept intake → data entry
          </button>
        ) : null}
      </section>
    </div>
  );
}
