import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, Field, fmtDate, fmtDateTime, Loading } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';

interface Recall {
  id: string;
  ndc11: string;
  lots?: string[];
  lots_json?: string;
  classification: string | null;
  reason: string | null;
  recall_number: string | null;
  created_at: string;
  quarantinedUnits?: number;
}
interface ReportOnHand {
  siteId: string;
  location: string;
  lot: string;
  expiry: string | null;
  quantity: number;
}
interface ReportPatient {
  siteId: string;
  patientId: string | null;
  mrn: string | null;
  name: string | null;
  phone: string | null;
  lot: string;
  reference: string | null;
  quantity: number;
  lastDispensedAt: string;
}
interface Report {
  recall: Recall;
  onHand: ReportOnHand[];
  patients: ReportPatient[];
}

const lotsOf = (r: Recall): string[] => r.lots ?? (r.lots_json ? (JSON.parse(r.lots_json) as string[]) : []);

/** Enter a recall by NDC and lots (stock is quarantined at once) and trace units on hand and patients. */
export function RecallsTab() {
  const { siteById } = useSession();
  const [ndc, setNdc] = useState('');
  const [lots, setLots] = useState('');
  const [cls, setCls] = useState('II');
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const [error, setError] = useState<ApiError>();
  const [selected, setSelected] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const list = useApi((signal) => api.get<Items<Recall>>('/api/recalls', undefined, signal), [notice]);
  const report = useApi(
    (signal) =>
      selected
        ? api.get<Report>(`/api/recalls/${encodeURIComponent(selected)}/report`, undefined, signal)
        : Promise.resolve(null),
    [selected],
  );

  const enter = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await api.post<Recall>('/api/recalls', {
        ndc11: ndc.replace(/\D/g, ''),
        lots: lots
          .split(/[\s,;]+/)
          .map((l) => l.trim())
          .filter(Boolean),
        classification: cls,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(number.trim() ? { recallNumber: number.trim() } : {}),
      });
      setNotice(`Recall entered: ${r.quarantinedUnits ?? 0} units quarantined.`);
      setSelected(r.id);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    }
  };
  const fieldErr = (f: string) => error?.fieldError(f);
  const items = list.data?.items ?? [];
  return (
    <>
      <section className="card" aria-labelledby="recall-new-h">
        <div className="card-head">
          <h2 id="recall-new-h">Enter a recall</h2>
        </div>
        <form className="toolbar" onSubmit={enter}>
          <Field label="NDC" required error={fieldErr('ndc11')}>
            {(p) => (
              <input
                {...p}
                value={ndc}
                onChange={(e) => setNdc(e.target.value)}
                placeholder="00000-0000-00"
              />
            )}
          </Field>
          <Field
            label="Lots"
            required
            className="grow"
            hint="Separate lots with commas or spaces."
            error={fieldErr('lots')}
          >
            {(p) => <input {...p} value={lots} onChange={(e) => setLots(e.target.value)} />}
          </Field>
          <Field label="Class">
            {(p) => (
              <select {...p} value={cls} onChange={(e) => setCls(e.target.value)}>
                <option value="I">Class I</option>
                <option value="II">Class II</option>
                <option value="III">Class III</option>
              </select>
            )}
          </Field>
          <Field label="Recall number">
            {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} size={10} />}
          </Field>
          <Field label="Reason" className="grow">
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary">
            Enter recall and quarantine
          </button>
        </form>
        {error && !error.errors.length ? <ErrorBanner error={error} /> : null}
        {notice ? (
          <p className="banner banner-ok" role="status">
            {notice}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="recall-list-h">
        <div className="card-head">
          <h2 id="recall-list-h">Recalls</h2>
        </div>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorBanner error={list.error} /> : null}
        {list.data && !items.length ? <Empty>No recalls entered.</Empty> : null}
        {items.length ? (
          <ul className="plain-list">
            {items.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-pressed={selected === r.id}
                  onClick={() => setSelected(r.id)}
                >
                  Report<span className="sr-only"> for {fmtNdc(r.ndc11)}</span>
                </button>{' '}
                <span className="mono">{fmtNdc(r.ndc11)}</span> lots {lotsOf(r).join(', ')} ·{' '}
                {r.classification ? `Class ${r.classification}` : 'unclassified'} ·{' '}
                {fmtDateTime(r.created_at)}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {report.error ? <ErrorBanner error={report.error} /> : null}
      {report.data ? (
        <section className="card" aria-labelledby="recall-report-h" data-testid="recall-report">
          <div className="card-head">
            <h2 id="recall-report-h">
              Recall trace: {fmtNdc(report.data.recall.ndc11)} lots {lotsOf(report.data.recall).join(', ')}
            </h2>
          </div>
          <h3>Units on hand</h3>
          {report.data.onHand.length ? (
            <table className="table compact" data-testid="recall-onhand">
              <caption className="sr-only">Units of the recalled lots on hand</caption>
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <th scope="col">Location</th>
                  <th scope="col">Lot</th>
                  <th scope="col">Expiry</th>
                  <th scope="col" className="num">
                    Units
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.onHand.map((o) => (
                  <tr key={`${o.siteId}|${o.location}|${o.lot}`}>
                    <td>{siteById(o.siteId)?.code ?? o.siteId}</td>
                    <td>
                      {o.location === 'QUARANTINE' ? <Badge tone="warn">Quarantine</Badge> : o.location}
                    </td>
                    <td className="mono">{o.lot}</td>
                    <td>{o.expiry ? fmtDate(o.expiry) : '—'}</td>
                    <td className="num">{o.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No units of these lots on hand.</Empty>
          )}
          <h3>Patients who received these lots</h3>
          {report.data.patients.length ? (
            <table className="table compact" data-testid="recall-patients">
              <caption className="sr-only">Patients who received the recalled lots</caption>
              <thead>
                <tr>
                  <th scope="col">Patient</th>
                  <th scope="col">MRN</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Lot</th>
                  <th scope="col">Reference</th>
                  <th scope="col" className="num">
                    Units
                  </th>
                  <th scope="col">Last dispensed</th>
                </tr>
              </thead>
              <tbody>
                {report.data.patients.map((p) => (
                  <tr key={`${p.siteId}|${p.patientId}|${p.lot}|${p.reference}`}>
                    <td>
                      {p.patientId ? (
                        <Link href={`/patients/${p.patientId}`}>{p.name ?? p.patientId}</Link>
                      ) : (
                        'Unknown'
                      )}
                    </td>
                    <td className="mono">{p.mrn ?? '—'}</td>
                    <td>{p.phone ?? '—'}</td>
                    <td className="mono">{p.lot}</td>
                    <td>{p.reference ?? '—'}</td>
                    <td className="num">{p.quantity}</td>
                    <td className="nowrap">{fmtDateTime(p.lastDispensedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No patient received these lots.</Empty>
          )}
        </section>
      ) : null}
    </>
  );
}
