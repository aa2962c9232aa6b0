import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { asApiError, RefusalBanner } from '../../components/Refusal';
import { Badge, Empty, ErrorBanner, Field, fmtDate, fmtDateTime, Loading } from '../../components/ui';
import { useSession } from '../../session';
import { type LedgerEffect, localToIso, nowLocal, todayLocal, useWorksheet } from './csTypes';
import { useProductNames } from './names';

interface LossReport {
  id: string;
  kind: string;
  discovered_at: string;
  description: string | null;
  police_report: string | null;
  field_office_notified_at: string | null;
  dea_106_number: string | null;
  dea_106_filed_at: string | null;
  created_at: string;
  created_by_name?: string | null;
  deadlines: { fieldOfficeNoticeBy: string; form106By: string };
  ledger: LedgerEffect[];
}

const KINDS: Record<string, string> = {
  theft: 'Theft',
  loss: 'Significant loss',
  in_transit_loss: 'Loss in transit',
  armed_robbery: 'Armed robbery',
};

/** 21 CFR 1301.76(b): notify the DEA Field Division within one business day, then DEA Form 106 within 45 days. */
export function LossReportsView() {
  const { site, can } = useSession();
  const [tick, setTick] = useState(0);
  const [created, setCreated] = useState<LossReport>();
  const list = useApi(
    (signal) => api.get<Items<LossReport>>('/api/controlled/loss-reports', { siteId: site?.id }, signal),
    [site?.id, tick],
  );
  const items = list.data?.items ?? [];
  return (
    <>
      {can('controlled.manage') ? (
        <NewLossReport
          reloadKey={tick}
          onCreated={(r) => {
            setCreated(r);
            setTick((t) => t + 1);
          }}
        />
      ) : null}
      {created ? (
        <section className="card" aria-labelledby="loss-done-h" data-testid="loss-created">
          <div className="card-head">
            <h2 id="loss-done-h">Report recorded: stock removed from the ledger</h2>
          </div>
          <p>
            Notify the DEA Field Division by{' '}
            <strong>{fmtDateTime(created.deadlines.fieldOfficeNoticeBy)}</strong> and file DEA Form 106 by{' '}
            <strong>{fmtDateTime(created.deadlines.form106By)}</strong>.
          </p>
          <LedgerTable rows={created.ledger} caption="Ledger effect of the report" />
        </section>
      ) : null}
      <section className="card" aria-labelledby="loss-list-h">
        <div className="card-head">
          <h2 id="loss-list-h">Theft and loss reports</h2>
        </div>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorBanner error={list.error} /> : null}
        {list.data && !items.length ? <Empty>No theft or loss reported at this site.</Empty> : null}
        {items.map((r) => (
          <article
            key={r.id}
            className="loss-report"
            data-report={r.id}
            aria-label={`Report of ${fmtDateTime(r.discovered_at)}`}
          >
            <h3>
              {KINDS[r.kind] ?? r.kind} discovered {fmtDateTime(r.discovered_at)}{' '}
              {r.dea_106_number ? (
                <Badge tone="ok">Form 106 filed</Badge>
              ) : Date.parse(r.deadlines.form106By) < Date.now() ? (
                <Badge tone="bad">Form 106 overdue</Badge>
              ) : (
                <Badge tone="warn">Form 106 due {fmtDate(r.deadlines.form106By.slice(0, 10))}</Badge>
              )}
            </h3>
            <p>
              {r.description}
              {r.police_report ? ` · police report ${r.police_report}` : ''}
              {r.created_by_name ? ` · recorded by ${r.created_by_name}` : ''}
            </p>
            <p className="muted">
              Field Division notice by {fmtDateTime(r.deadlines.fieldOfficeNoticeBy)}
              {r.field_office_notified_at ? ` (notified ${fmtDateTime(r.field_office_notified_at)})` : ''} ·
              Form 106 by {fmtDateTime(r.deadlines.form106By)}
              {r.dea_106_number
                ? ` · filed as ${r.dea_106_number} on ${fmtDateTime(r.dea_106_filed_at ?? '')}`
                : ''}
            </p>
            <LedgerTable rows={r.ledger} caption="Ledger before and after the report" />
            {!r.dea_106_number && can('controlled.manage') ? (
              <RecordFiling id={r.id} onFiled={() => setTick((t) => t + 1)} />
            ) : null}
          </article>
        ))}
      </section>
    </>
  );
}

function LedgerTable({ rows, caption }: { rows: LedgerEffect[]; caption: string }) {
  const { site } = useSession();
  const names = useProductNames(
    rows.map((r) => r.ndc11),
    site?.id,
  );
  return (
    <table className="table compact" data-testid="loss-ledger">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Location</th>
          <th scope="col">Lot</th>
          <th scope="col" className="num">
            Before
          </th>
          <th scope="col" className="num">
            Change
          </th>
          <th scope="col" className="num">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.movementId}>
            <td>
              {names.get(m.ndc11) ?? ''} <span className="mono">{fmtNdc(m.ndc11)}</span>
            </td>
            <td>{m.location}</td>
            <td className="mono">{m.lot ?? '—'}</td>
            <td className="num">{m.balanceBefore}</td>
            <td className="num">{m.quantity}</td>
            <td className="num">
              <strong>{m.balanceAfter}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecordFiling({ id, onFiled }: { id: string; onFiled: () => void }) {
  const [number, setNumber] = useState('');
  const [filedOn, setFiledOn] = useState(todayLocal());
  const [error, setError] = useState<ApiError>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api.post(`/api/controlled/loss-reports/${id}/filed`, {
        dea106Number: number.trim(),
        filedAt: new Date(`${filedOn}T12:00:00`).toISOString(),
      });
      onFiled();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <form className="toolbar" onSubmit={submit} noValidate>
      <Field label="DEA Form 106 number" error={error?.fieldError('dea106Number')}>
        {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <Field label="Filed on" error={error?.fieldError('filedAt')}>
        {(p) => <input {...p} type="date" value={filedOn} onChange={(e) => setFiledOn(e.target.value)} />}
      </Field>
      <button type="submit" className="btn">
        Record filing
      </button>
      {error && !error.errors.length ? <RefusalBanner error={error} /> : null}
    </form>
  );
}

interface Line {
  stock: string;
  quantity: string;
}

function NewLossReport({ reloadKey, onCreated }: { reloadKey: number; onCreated: (r: LossReport) => void }) {
  const { site } = useSession();
  const sheet = useWorksheet(site?.id, [reloadKey]);
  const names = useProductNames(
    (sheet.data?.items ?? []).map((p) => p.ndc11),
    site?.id,
  );
  const stock = (sheet.data?.items ?? []).flatMap((p) =>
    p.stock.map((s) => ({
      key: [p.ndc11, s.location, s.lot ?? '', s.expiry ?? ''].join('|'),
      label: `${names.get(p.ndc11) ?? fmtNdc(p.ndc11)} (${p.schedule}) · ${s.location} · lot ${s.lot ?? '—'} · on hand ${s.quantity}`,
    })),
  );
  const [kind, setKind] = useState('loss');
  const [discoveredAt, setDiscoveredAt] = useState(nowLocal());
  const [description, setDescription] = useState('');
  const [police, setPolice] = useState('');
  const [lines, setLines] = useState<Line[]>([{ stock: '', quantity: '' }]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<LossReport>('/api/controlled/loss-reports', {
        siteId: site?.id,
        kind,
        discoveredAt: localToIso(discoveredAt),
        description: description.trim(),
        ...(police.trim() ? { policeReport: police.trim() } : {}),
        lines: lines.map((l) => {
          const [ndc11 = '', location = '', lot = '', expiry = ''] = l.stock.split('|');
          return {
            ndc11,
            location,
            ...(lot ? { lot } : {}),
            ...(expiry ? { expiry } : {}),
            quantity: Number(l.quantity),
          };
        }),
      });
      setDescription('');
      setPolice('');
      setLines([{ stock: '', quantity: '' }]);
      onCreated(r);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const lineErr = (i: number, f: string) =>
    error?.errors.find((x) => x.field === `lines.${i}.${f}` || x.field === `lines[${i}].${f}`)?.reason;
  return (
    <section className="card" aria-labelledby="loss-new-h">
      <div className="card-head">
        <h2 id="loss-new-h">Report a theft or loss (DEA Form 106)</h2>
      </div>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="Kind">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
                {Object.entries(KINDS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Discovered at" required error={error?.fieldError('discoveredAt')}>
            {(p) => (
              <input
                {...p}
                type="datetime-local"
                value={discoveredAt}
                onChange={(e) => setDiscoveredAt(e.target.value)}
              />
            )}
          </Field>
          <Field label="Police report number">
            {(p) => <input {...p} value={police} onChange={(e) => setPolice(e.target.value)} />}
          </Field>
        </div>
        <Field label="What happened" required error={error?.fieldError('description')}>
          {(p) => (
            <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        <fieldset>
          <legend>Quantities lost</legend>
          {sheet.error ? <ErrorBanner error={sheet.error} /> : null}
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity until saved
            <div className="toolbar" key={i}>
              <Field
                label={`Stock ${i + 1}`}
                className="grow"
                error={lineErr(i, 'ndc11') ?? lineErr(i, 'location')}
              >
                {(p) => (
                  <select {...p} value={l.stock} onChange={(e) => setLine(i, { stock: e.target.value })}>
                    <option value="">Choose a controlled product, location and lot…</option>
                    {stock.map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={`Quantity ${i + 1}`} error={lineErr(i, 'quantity')}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    size={7}
                    value={l.quantity}
                    onChange={(e) => setLine(i, { quantity: e.target.value })}
                  />
                )}
              </Field>
              {lines.length > 1 ? (
                <button
                  type="button"
                  className="btn btn-ghost"
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                >
                  Remove<span className="sr-only"> stock {i + 1}</span>
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setLines((ls) => [...ls, { stock: '', quantity: '' }])}
          >
            Add a product
          </button>
        </fieldset>
        {error ? <RefusalBanner error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Record report and remove the stock
          </button>
        </div>
      </form>
    </section>
  );
}
