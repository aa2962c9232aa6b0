import { useState } from 'react';
import { api } from '../api/client';
import { fmtNdc, stateLabel } from '../api/rx';
import type { AuditEntry, Items, Patient, User } from '../api/types';
import { useApi } from '../api/useApi';
import { Badge, Empty, ErrorBanner, fmtDate, fmtDateTime, Loading, Segmented } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';

/** One fill as GET /api/patients/:id/prescriptions returns it (database column names). */
interface RxFill {
  id: string;
  fill_number: number;
  state: string;
  dispensed_at: string | null;
  sold_at: string | null;
  quantity: number | null;
  days_supply: number | null;
  ndc11_dispensed: string | null;
  lot: string | null;
}
interface PatientRx {
  id: string;
  rxNumber: number;
  status: string;
  drug: string;
  ndc11: string | null;
  schedule: string | null;
  sig: string | null;
  quantity: number | null;
  daysSupply: number | null;
  refillsAuthorized: number | null;
  writtenDate: string;
  fills: RxFill[];
}

type View = 'active' | 'inactive' | 'fills';
const VIEWS: { id: View; label: string }[] = [
  { id: 'active', label: 'Active' },
  { id: 'inactive', label: 'Inactive' },
  { id: 'fills', label: 'By fill' },
];

/** Medication history from the patient's prescriptions with their fills. */
export function MedicationHistory({ patient }: { patient: Patient }) {
  const [view, setView] = useState<View>('active');
  const { data, error, loading } = useApi(
    (signal) =>
      api.get<Items<PatientRx>>(
        `/api/patients/${encodeURIComponent(patient.id)}/prescriptions`,
        undefined,
        signal,
      ),
    [patient.id],
  );
  const all = data?.items ?? [];
  const rxs = all.filter((r) => (view === 'active' ? r.status === 'active' : r.status !== 'active'));
  const fills = all
    .flatMap((r) => r.fills.map((f) => ({ rx: r, f })))
    .sort(
      (a, b) =>
        (b.f.dispensed_at ?? '9').localeCompare(a.f.dispensed_at ?? '9') || b.rx.rxNumber - a.rx.rxNumber,
    );
  return (
    <section className="card" aria-labelledby="meds-h">
      <div className="card-head">
        <h2 id="meds-h">Medication history</h2>
        <Segmented
          legend="Show"
          name="med-view"
          options={VIEWS.map((v) => ({
            id: v.id,
            label: `${v.label} (${v.id === 'fills' ? fills.length : all.filter((r) => (v.id === 'active') === (r.status === 'active')).length})`,
          }))}
          value={view}
          onChange={setView}
        />
      </div>
      {loading ? <Loading /> : null}
      {error ? <ErrorBanner error={error} /> : null}
      {data && view !== 'fills' && !rxs.length ? <Empty>No {view} prescriptions.</Empty> : null}
      {data && view === 'fills' && !fills.length ? <Empty>No fills yet.</Empty> : null}
      {view !== 'fills' && rxs.length ? (
        <div className="table-wrap">
          <table className="table compact" data-testid="med-history">
            <caption className="sr-only">
              {view === 'active' ? 'Active' : 'Inactive'} prescriptions of {patient.lastName},{' '}
              {patient.firstName}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rx</th>
                <th scope="col">Drug</th>
                <th scope="col">Sig</th>
                <th scope="col">Written</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Fills
                </th>
                <th scope="col">Last fill</th>
              </tr>
            </thead>
            <tbody>
              {rxs.map((r) => {
                const last = [...r.fills].sort((a, b) => b.fill_number - a.fill_number)[0];
                return (
                  <tr key={r.id}>
                    <td className="mono">
                      {last ? <Link href={`/fills/${last.id}`}>{r.rxNumber}</Link> : r.rxNumber}
                    </td>
                    <td>
                      {r.drug}{' '}
                      {r.schedule ? <Badge tone="warn">C{r.schedule.replace(/^C/, '')}</Badge> : null}
                    </td>
                    <td>{r.sig ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">{fmtDate(r.writtenDate)}</td>
                    <td className="cap">{r.status.replaceAll('_', ' ')}</td>
                    <td className="num">
                      {r.fills.length}
                      {r.refillsAuthorized !== null ? ` / ${r.refillsAuthorized + 1}` : ''}
                    </td>
                    <td>{last ? `#${last.fill_number} · ${stateLabel(last.state)}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {view === 'fills' && fills.length ? (
        <div className="table-wrap">
          <table className="table compact" data-testid="med-fills">
            <caption className="sr-only">Fills, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Rx-fill</th>
                <th scope="col">Drug</th>
                <th scope="col">State</th>
                <th scope="col">Dispensed</th>
                <th scope="col">NDC / lot</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Days
                </th>
              </tr>
            </thead>
            <tbody>
              {fills.map(({ rx, f }) => (
                <tr key={f.id}>
                  <td className="mono">
                    <Link href={`/fills/${f.id}`}>
                      {rx.rxNumber}-{f.fill_number}
                    </Link>
                  </td>
                  <td>{rx.drug}</td>
                  <td>{stateLabel(f.state)}</td>
                  <td className="nowrap">{f.dispensed_at ? fmtDateTime(f.dispensed_at) : '—'}</td>
                  <td className="mono">
                    {f.ndc11_dispensed ? fmtNdc(f.ndc11_dispensed) : '—'}
                    {f.lot ? ` · ${f.lot}` : ''}
                  </td>
                  <td className="num">{f.quantity ?? '—'}</td>
                  <td className="num">{f.days_supply ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Who opened this record: the audited reads (patient.read, patient.read_clinical, …), newest first. */
export function RecordViewers({ patient }: { patient: Patient }) {
  const { sitesWith } = useSession();
  const canUsers = sitesWith('users.read').length > 0;
  const { data, error, loading } = useApi(
    async (signal) => {
      const [audit, users] = await Promise.all([
        api.get<Items<AuditEntry>>(
          '/api/audit',
          { entityType: 'patient', entityId: patient.id, limit: 500 },
          signal,
        ),
        canUsers
          ? api.get<Items<User>>('/api/users', undefined, signal).catch(() => ({ items: [] as User[] }))
          : Promise.resolve({ items: [] as User[] }),
      ]);
      return { audit, names: new Map(users.items.map((u) => [u.id, u.displayName])) };
    },
    [patient.id, canUsers],
  );
  const reads = (data?.audit.items ?? []).filter((e) => /(^|\.)read/.test(e.action));
  return (
    <section className="card" aria-labelledby="viewers-h">
      <div className="card-head">
        <h2 id="viewers-h">Who viewed this record</h2>
      </div>
      {loading ? <Loading /> : null}
      {error ? <ErrorBanner error={error} /> : null}
      {data && !reads.length ? <Empty>No reads recorded.</Empty> : null}
      {reads.length ? (
        <div className="table-wrap">
          <table className="table compact" data-testid="viewers">
            <caption className="sr-only">Audited reads of this record, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">User</th>
                <th scope="col">What</th>
                <th scope="col">Client address</th>
              </tr>
            </thead>
            <tbody>
              {reads.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{fmtDateTime(e.occurredAt)}</td>
                  <td>
                    {e.userId
                      ? (data?.names.get(e.userId) ?? <span className="mono">{e.userId}</span>)
                      : 'system'}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="mono">{e.clientAddress ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
