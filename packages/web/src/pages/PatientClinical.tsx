import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Patient } from '../api/types';
import { useApi } from '../api/useApi';
import { Badge, Empty, ErrorBanner, Field, fmtDate, Loading } from '../components/ui';

interface Row {
  id: string;
  status?: string;
  active?: number | boolean;
  [k: string]: unknown;
}
interface Clinical {
  allergyStatus: string;
  allergies: Row[];
  conditions: Row[];
  measurements: Row[];
  coverages: Row[];
}

type Input = { name: string; label: string; type?: string; options?: string[]; required?: boolean };

/** One add form; the server's field errors are shown next to the fields. */
function AddForm({
  inputs,
  submitLabel,
  onSubmit,
}: {
  inputs: Input[];
  submitLabel: string;
  onSubmit: (v: Record<string, string>) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(values);
      setValues({});
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="add-form">
      <summary>{submitLabel}</summary>
      <form onSubmit={submit}>
        {failure && !failure.errors.length ? <ErrorBanner error={failure} /> : null}
        <div className="form-grid">
          {inputs.map((i) => (
            <Field key={i.name} label={i.label} required={i.required} error={failure?.fieldError(i.name)}>
              {(p) =>
                i.options ? (
                  <select
                    {...p}
                    value={values[i.name] ?? ''}
                    onChange={(e) => setValues({ ...values, [i.name]: e.target.value })}
                  >
                    <option value="">—</option>
                    {i.options.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...p}
                    type={i.type ?? 'text'}
                    step={i.type === 'number' ? 'any' : undefined}
                    value={values[i.name] ?? ''}
                    onChange={(e) => setValues({ ...values, [i.name]: e.target.value })}
                  />
                )
              }
            </Field>
          ))}
        </div>
        <button type="submit" className="btn btn-secondary" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </details>
  );
}

const clean = (v: Record<string, string>) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x.trim() !== ''));
const isActive = (r: Row) =>
  r.status === undefined ? r.active !== 0 && r.active !== false : r.status === 'active';

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>
          {title} <span className="muted">({count})</span>
        </h2>
      </div>
      {children}
    </section>
  );
}

export function PatientClinical({ patient, canWrite }: { patient: Patient; canWrite: boolean }) {
  const base = `/api/patients/${patient.id}`;
  const { data, error, loading, reload } = useApi(
    (signal) => api.get<Clinical>(`${base}/clinical`, undefined, signal),
    [patient.id],
  );
  const add = (path: string, body: Record<string, unknown>) => api.post(`${base}/${path}`, body).then(reload);
  const remove = (path: string, id: string) => api.del(`${base}/${path}/${id}`).then(reload, () => undefined);
  if (loading && !data) return <Loading label="Loading clinical record…" />;
  if (error || !data) return <ErrorBanner error={error ?? 'No data'} title="Clinical record" />;
  const allergies = data.allergies.filter(isActive);
  const conditions = data.conditions.filter(isActive);
  const coverages = data.coverages.filter(isActive);
  return (
    <div className="grid-2 clinical">
      <Section id="allergies-h" title="Allergies" count={allergies.length}>
        {allergies.length ? (
          <ul className="clin-list">
            {allergies.map((a) => (
              <li key={a.id}>
                <Badge tone="bad">{String(a.substance)}</Badge> {a.reaction ? String(a.reaction) : ''}{' '}
                {a.severity ? <span className="muted">({String(a.severity)})</span> : null}
                {canWrite ? (
                  <button type="button" className="btn-link" onClick={() => void remove('allergies', a.id)}>
                    Inactivate<span className="sr-only"> {String(a.substance)}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{data.allergyStatus === 'nka' ? 'No known allergies.' : 'No allergies recorded.'}</Empty>
        )}
        {canWrite ? (
          <AddForm
            submitLabel="Add allergy"
            inputs={[
              { name: 'substance', label: 'Substance', required: true },
              { name: 'reaction', label: 'Reaction' },
              { name: 'severity', label: 'Severity', options: ['mild', 'moderate', 'severe'] },
            ]}
            onSubmit={(v) => add('allergies', clean(v))}
          />
        ) : null}
      </Section>
      <Section id="conditions-h" title="Conditions" count={conditions.length}>
        {conditions.length ? (
          <ul className="clin-list">
            {conditions.map((c) => (
              <li key={c.id}>
                {String(c.description)} {c.code ? <span className="mono muted">{String(c.code)}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No conditions recorded.</Empty>
        )}
        {canWrite ? (
          <AddForm
            submitLabel="Add condition"
            inputs={[
              { name: 'description', label: 'Condition', required: true },
              { name: 'code', label: 'ICD-10-CM code' },
            ]}
            onSubmit={(v) => add('conditions', clean(v))}
          />
        ) : null}
      </Section>
      <Section id="coverages-h" title="Coverage" count={coverages.length}>
        {coverages.length ? (
          <ul className="clin-list">
            {coverages.map((c) => (
              <li key={c.id}>
                <strong>{String(c.payer_name)}</strong> · BIN <span className="mono">{String(c.bin)}</span>
                {c.pcn ? ` · PCN ${String(c.pcn)}` : ''} · member{' '}
                <span className="mono">{String(c.member_id)}</span>
                {c.priority ? <span className="muted"> · priority {String(c.priority)}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No coverage on file (cash).</Empty>
        )}
        {canWrite ? (
          <AddForm
            submitLabel="Add coverage"
            inputs={[
              { name: 'payerName', label: 'Payer', required: true },
              { name: 'bin', label: 'BIN (6 digits)', required: true },
              { name: 'pcn', label: 'PCN' },
              { name: 'groupId', label: 'Group' },
              { name: 'memberId', label: 'Member ID', required: true },
            ]}
            onSubmit={(v) => add('coverages', clean(v))}
          />
        ) : null}
      </Section>
      <Section id="measure-h" title="Measurements" count={data.measurements.length}>
        {data.measurements.length ? (
          <ul className="clin-list">
            {data.measurements.map((m) => (
              <li key={m.id}>
                {String(m.kind).toUpperCase()} {String(m.value)} {String(m.unit)}{' '}
                <span className="muted">on {fmtDate(String(m.measured_on))}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No measurements recorded.</Empty>
        )}
        {canWrite ? (
          <AddForm
            submitLabel="Add measurement"
            inputs={[
              { name: 'kind', label: 'Kind', options: ['weight', 'height', 'scr', 'crcl'], required: true },
              { name: 'value', label: 'Value', type: 'number', required: true },
              {
                name: 'unit',
                label: 'Unit',
                options: ['kg', '[lb_av]', 'cm', '[in_i]', 'mg/dL', 'mL/min'],
                required: true,
              },
              { name: 'measuredOn', label: 'Measured on', type: 'date', required: true },
            ]}
            onSubmit={(v) => add('measurements', { ...clean(v), value: Number(v.value) })}
          />
        ) : null}
      </Section>
    </div>
  );
}
