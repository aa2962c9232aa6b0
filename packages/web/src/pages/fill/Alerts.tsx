import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Override, ScreeningAlert, Severity } from '../../api/rx';
import { fmtDateTime } from '../../components/ui';

const SEVERITY: Record<Severity, { label: string; cls: string }> = {
  contraindicated: { label: 'Contraindicated', cls: 'alert-red' },
  major: { label: 'Major', cls: 'alert-red' },
  moderate: { label: 'Moderate', cls: 'alert-amber' },
  minor: { label: 'Minor', cls: 'alert-blue' },
  info: { label: 'Information', cls: 'alert-grey' },
};

function OverrideForm({
  fillId,
  alert,
  onDone,
}: {
  fillId: string;
  alert: ScreeningAlert;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `ovr-${alert.id.replace(/[^\w-]/g, '_')}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/fills/${fillId}/overrides`, { alertId: alert.id, reason: reason.trim() });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldError('reason') ?? err.detail) : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="override-form" onSubmit={submit}>
      <label htmlFor={id}>Override reason (pharmacist)</label>
      <div className="override-row">
        <input
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. Reaction was a mild rash; prescriber confirmed"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-err` : undefined}
          required
          minLength={3}
        />
        <button type="submit" className="btn btn-primary" disabled={busy || reason.trim().length < 3}>
          Override
        </button>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Screening alerts, most severe first; red ones stop the workflow until a pharmacist overrides them. */
export function Alerts({
  fillId,
  alerts,
  overrides,
  canOverride,
  onChanged,
}: {
  fillId: string;
  alerts: ScreeningAlert[];
  overrides: Override[];
  canOverride: boolean;
  onChanged: () => void;
}) {
  if (!alerts.length)
    return (
      <p className="banner banner-ok" data-testid="no-alerts">
        Screening found no interactions, allergies or dose problems.
      </p>
    );
  return (
    <section aria-labelledby="alerts-h" className="alerts">
      <h2 id="alerts-h">
        Screening alerts <span className="muted">({alerts.length})</span>
      </h2>
      <ul>
        {alerts.map((a) => {
          const s = SEVERITY[a.severity] ?? SEVERITY.info;
          const done = overrides.find((o) => o.alert_id === a.id);
          return (
            <li
              key={a.id}
              className={`screen-alert ${s.cls}${done ? ' resolved' : ''}`}
              data-severity={a.severity}
            >
              <div className="screen-alert-head">
                <span className="sev">{s.label}</span>
                <strong>{a.title}</strong>
                {a.requiresOverride && !done ? (
                  <span className="needs">Requires pharmacist override</span>
                ) : null}
                {done ? <span className="done">Overridden</span> : null}
              </div>
              <p>{a.detail}</p>
              {a.management ? (
                <p>
                  <strong>Management:</strong> {a.management}
                </p>
              ) : null}
              {a.source?.citation ? <p className="cite">Source: {a.source.citation}</p> : null}
              {done ? (
                <p className="override-done">
                  Override reason: “{done.reason}” · {fmtDateTime(done.at)}
                </p>
              ) : canOverride ? (
                <OverrideForm fillId={fillId} alert={a} onDone={onChanged} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
