import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ESignDialog } from '../../components/ESignDialog';
import { asApiError, RefusalBanner } from '../../components/Refusal';
import { Badge, Empty, ErrorBanner, Field, fmtDateTime, Loading, Segmented } from '../../components/ui';
import { useSession } from '../../session';
import { useWorksheet } from './csTypes';
import { useProductNames } from './names';

interface Note {
  at: string;
  by: string;
  note: string;
}
interface Discrepancy {
  id: string;
  ndc11: string;
  expected: number;
  actual: number;
  difference: number;
  status: 'open' | 'investigating' | 'closed';
  source: string | null;
  notes: Note[];
  resolution: string | null;
  lossReportId: string | null;
  signatureId: string | null;
  closedAt: string | null;
  openedAt: string;
}
interface LossRef {
  id: string;
  kind: string;
  discovered_at: string;
}

const SHOW = [
  { id: 'open', label: 'Open' },
  { id: 'closed', label: 'Closed' },
  { id: 'all', label: 'All' },
] as const;
const TONE = { open: 'bad', investigating: 'warn', closed: 'ok' } as const;

/**
 * Controlled-substance discrepancies (from counts, the CII log or entered by hand): investigate with notes, then
 * close with a written resolution and the pharmacist-in-charge's electronic signature — the server refuses any
 * closing without both, and this screen says why.
 */
export function DiscrepanciesView() {
  const { site, can } = useSession();
  const [show, setShow] = useState<(typeof SHOW)[number]['id']>('open');
  const [tick, setTick] = useState(0);
  const [selected, setSelected] = useState<string>();
  const list = useApi(
    (signal) => api.get<Items<Discrepancy>>('/api/controlled/discrepancies', { siteId: site?.id }, signal),
    [site?.id, tick],
  );
  const all = list.data?.items ?? [];
  const rows = all.filter((d) => show === 'all' || (show === 'closed') === (d.status === 'closed'));
  const names = useProductNames(
    all.map((d) => d.ndc11),
    site?.id,
  );
  const current = all.find((d) => d.id === selected);
  return (
    <>
      <section className="card" aria-labelledby="disc-h">
        <div className="card-head">
          <h2 id="disc-h">Discrepancies</h2>
          <Segmented
            legend="Show"
            name="disc-show"
            options={SHOW.map((s) => ({
              id: s.id,
              label: `${s.label} (${s.id === 'all' ? all.length : all.filter((d) => (s.id === 'closed') === (d.status === 'closed')).length})`,
            }))}
            value={show}
            onChange={setShow}
          />
        </div>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorBanner error={list.error} /> : null}
        {list.data && !rows.length ? (
          <Empty>No {show === 'all' ? '' : `${show} `}discrepancies.</Empty>
        ) : null}
        {rows.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="discrepancies">
              <caption className="sr-only">Controlled-substance discrepancies, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Opened</th>
                  <th scope="col">Product</th>
                  <th scope="col" className="num">
                    Expected
                  </th>
                  <th scope="col" className="num">
                    Actual
                  </th>
                  <th scope="col" className="num">
                    Difference
                  </th>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id} className={d.id === selected ? 'row-current' : undefined} data-disc={d.id}>
                    <td className="nowrap">{fmtDateTime(d.openedAt)}</td>
                    <td>
                      {names.get(d.ndc11) ?? ''} <span className="mono">{fmtNdc(d.ndc11)}</span>
                    </td>
                    <td className="num">{d.expected}</td>
                    <td className="num">{d.actual}</td>
                    <td className="num">
                      <strong>{d.difference > 0 ? `+${d.difference}` : d.difference}</strong>
                    </td>
                    <td>{d.source ?? '—'}</td>
                    <td>
                      <Badge tone={TONE[d.status]}>{d.status}</Badge>
                    </td>
                    <td>
                      <button type="button" className="btn btn-ghost" onClick={() => setSelected(d.id)}>
                        {d.status === 'closed' ? 'View' : 'Investigate'}
                        <span className="sr-only"> {fmtNdc(d.ndc11)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {current ? (
        <Investigation
          key={current.id}
          d={current}
          name={names.get(current.ndc11)}
          onChanged={() => setTick((t) => t + 1)}
        />
      ) : null}
      {can('controlled.manage') ? <OpenDiscrepancy onOpened={() => setTick((t) => t + 1)} /> : null}
    </>
  );
}

function Investigation({
  d,
  name,
  onChanged,
}: {
  d: Discrepancy;
  name?: string | undefined;
  onChanged: () => void;
}) {
  const { site, can } = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [closing, setClosing] = useState(false);
  const [resolution, setResolution] = useState('');
  const [lossReportId, setLossReportId] = useState('');
  const losses = useApi(
    (signal) =>
      closing
        ? api.get<Items<LossRef>>('/api/controlled/loss-reports', { siteId: site?.id }, signal)
        : Promise.resolve(undefined),
    [closing, site?.id],
  );
  const addNote = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api.post(`/api/controlled/discrepancies/${d.id}/notes`, { note: note.trim() });
      setNote('');
      onChanged();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const open = d.status !== 'closed';
  return (
    <section className="card" aria-labelledby="inv-h" data-testid="investigation">
      <div className="card-head">
        <h2 id="inv-h">
          {name ?? 'Product'} {fmtNdc(d.ndc11)}: {d.difference > 0 ? `+${d.difference}` : d.difference}
        </h2>
        <Badge tone={TONE[d.status]}>{d.status}</Badge>
      </div>
      <p>
        Expected {d.expected}, found {d.actual}
        {d.source ? ` (${d.source})` : ''}; opened {fmtDateTime(d.openedAt)}.
      </p>
      <h3>Investigation notes</h3>
      {d.notes.length ? (
        <ol className="plain-list" data-testid="disc-notes">
          {d.notes.map((n) => (
            <li key={`${n.at}|${n.note}`}>
              <span className="muted">
                {fmtDateTime(n.at)} · {n.by}:
              </span>{' '}
              {n.note}
            </li>
          ))}
        </ol>
      ) : (
        <Empty>No notes yet.</Empty>
      )}
      {error ? <RefusalBanner error={error} /> : null}
      {open && can('controlled.manage') ? (
        <form className="toolbar" onSubmit={addNote} noValidate>
          <Field label="Add a note" className="grow" error={error?.fieldError('note')}>
            {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" className="btn">
            Add note
          </button>
        </form>
      ) : null}
      {d.status === 'closed' ? (
        <p className="banner banner-ok" data-testid="disc-closed">
          Closed {fmtDateTime(d.closedAt ?? '')} with the pharmacist-in-charge’s signature: {d.resolution}
        </p>
      ) : can('controlled.manage') ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setClosing(true)}>
            Resolve and close…
          </button>
          <span className="muted">
            Closing needs a written resolution and the pharmacist-in-charge’s signature.
          </span>
        </div>
      ) : null}
      {closing ? (
        <ESignDialog
          title="Close discrepancy"
          signLabel="Sign and close"
          statement="As pharmacist in charge you sign this resolution (electronic signature, 21 CFR Part 11): re-enter your password."
          onClose={() => setClosing(false)}
          onSign={async (password) => {
            await api.post(`/api/controlled/discrepancies/${d.id}/close`, {
              resolution: resolution.trim(),
              ...(lossReportId ? { lossReportId } : {}),
              password,
            });
            setClosing(false);
            onChanged();
          }}
        >
          {(failure) => (
            <>
              <Field
                label="Resolution"
                required
                error={failure?.fieldError('resolution')}
                hint="What was found and done. Minor discrepancies not due to theft are recorded here, not on Form 106."
              >
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    data-autofocus
                    value={resolution}
                    onChange={(e) => setResolution(e.target.value)}
                  />
                )}
              </Field>
              <Field label="DEA Form 106 report (theft or significant loss)">
                {(p) => (
                  <select {...p} value={lossReportId} onChange={(e) => setLossReportId(e.target.value)}>
                    <option value="">None</option>
                    {(losses.data?.items ?? []).map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.kind.replaceAll('_', ' ')} discovered {fmtDateTime(r.discovered_at)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
        </ESignDialog>
      ) : null}
    </section>
  );
}

/** By hand, e.g. when the CII log's running balance disagrees with the shelf. */
function OpenDiscrepancy({ onOpened }: { onOpened: () => void }) {
  const { site } = useSession();
  const sheet = useWorksheet(site?.id);
  const names = useProductNames(
    (sheet.data?.items ?? []).map((p) => p.ndc11),
    site?.id,
  );
  const [ndc11, setNdc] = useState('');
  const [actual, setActual] = useState('');
  const [source, setSource] = useState('CII log vs shelf');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const product = sheet.data?.items.find((p) => p.ndc11 === ndc11);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api.post('/api/controlled/discrepancies', {
        siteId: site?.id,
        ndc11,
        expected: product?.onHand ?? 0,
        actual: Number(actual),
        source: source.trim() || undefined,
        note: note.trim() || undefined,
      });
      setNote('');
      setActual('');
      onOpened();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <section className="card" aria-labelledby="disc-new-h">
      <div className="card-head">
        <h2 id="disc-new-h">Open a discrepancy</h2>
      </div>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="Product" error={error?.fieldError('ndc11')}>
            {(p) => (
              <select {...p} value={ndc11} onChange={(e) => setNdc(e.target.value)}>
                <option value="">Choose…</option>
                {(sheet.data?.items ?? []).map((i) => (
                  <option key={i.ndc11} value={i.ndc11}>
                    {names.get(i.ndc11) ?? fmtNdc(i.ndc11)} ({i.schedule}) · ledger {i.onHand}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Found on the shelf" error={error?.fieldError('actual')}>
            {(p) => (
              <input {...p} inputMode="decimal" value={actual} onChange={(e) => setActual(e.target.value)} />
            )}
          </Field>
          <Field label="Source">
            {(p) => <input {...p} value={source} onChange={(e) => setSource(e.target.value)} />}
          </Field>
        </div>
        <Field label="First note">
          {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        {error && !error.errors.length ? <RefusalBanner error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn">
            Open discrepancy{product ? ` (ledger says ${product.onHand})` : ''}
          </button>
        </div>
      </form>
    </section>
  );
}
