import { countRequirement, normalizeSchedule } from '@apotheca/core/inventory';
import { type FormEvent, Fragment, useState } from 'react';
import { type ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ESignDialog } from '../../components/ESignDialog';
import { asApiError, RefusalBanner } from '../../components/Refusal';
import {
  Badge,
  Empty,
  ErrorBanner,
  Field,
  fmtDate,
  fmtDateTime,
  Loading,
  Segmented,
} from '../../components/ui';
import { useSession } from '../../session';
import { SCHEDULE_LABEL, todayLocal, useWorksheet, type WorksheetItem } from './csTypes';
import { useProductNames } from './names';

interface CsInventoryLine {
  ndc11: string;
  schedule: string;
  countType: 'exact' | 'estimate';
  quantity: number;
  containerUnits: number | null;
  systemQuantity: number;
}
interface CsInventory {
  id: string;
  kind: 'initial' | 'biennial';
  taken_at: string;
  time_of_day: 'opening' | 'close';
  status: 'draft' | 'signed';
  created_at: string;
  created_by_name: string | null;
  signed_at: string | null;
  signed_by_name: string | null;
  lines: CsInventoryLine[];
}

const DAY = 86_400_000;

/**
 * Initial and biennial controlled-substance inventories (21 CFR 1304.11): a pharmacist records the counts, the
 * pharmacist in charge signs with their password; the next one is due two years after the last signed one.
 */
const TIMES_OF_DAY = [
  { id: 'opening', label: 'Opening of business' },
  { id: 'close', label: 'Close of business' },
] as const;

export function CsInventoryView() {
  const { site, can } = useSession();
  const [tick, setTick] = useState(0);
  const list = useApi(
    (signal) =>
      api.get<Items<CsInventory> & { nextDueBy: string | null }>(
        '/api/controlled/inventories',
        { siteId: site?.id },
        signal,
      ),
    [site?.id, tick],
  );
  const [signing, setSigning] = useState<CsInventory>();
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<string>();
  const items = list.data?.items ?? [];
  const due = list.data?.nextDueBy ?? null;
  const daysLeft = due ? Math.floor((Date.parse(`${due}T00:00:00Z`) - Date.now()) / DAY) : null;
  return (
    <>
      <section className="card" aria-labelledby="csinv-h">
        <div className="card-head">
          <h2 id="csinv-h">Controlled-substance inventories</h2>
        </div>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorBanner error={list.error} /> : null}
        {list.data ? (
          <p data-testid="cs-next-due">
            {due ? (
              <>
                Next biennial inventory due by <strong>{fmtDate(due)}</strong>{' '}
                {daysLeft !== null && daysLeft < 0 ? <Badge tone="bad">Overdue</Badge> : null}
                {daysLeft !== null && daysLeft >= 0 && daysLeft <= 90 ? (
                  <Badge tone="warn">{daysLeft} days left</Badge>
                ) : null}
              </>
            ) : (
              <>
                No signed inventory yet: take the <strong>initial inventory</strong> (21 CFR 1304.11(b)).
              </>
            )}
          </p>
        ) : null}
        {done ? (
          <p className="banner banner-ok" role="status">
            {done}
          </p>
        ) : null}
        {list.data && !items.length ? <Empty>No controlled-substance inventory recorded.</Empty> : null}
        {items.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="cs-inventories">
              <caption className="sr-only">Controlled-substance inventories, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Recorded by</th>
                  <th scope="col">Signed</th>
                  <th scope="col" className="num">
                    Products
                  </th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <Fragment key={i.id}>
                    <tr data-inventory={i.id}>
                      <td className="nowrap">
                        {fmtDate(i.taken_at)} · {i.time_of_day === 'opening' ? 'opening' : 'close'} of
                        business
                      </td>
                      <td className="cap">{i.kind}</td>
                      <td>
                        {i.status === 'signed' ? (
                          <Badge tone="ok">Signed</Badge>
                        ) : (
                          <Badge tone="warn">Draft — awaiting the PIC’s signature</Badge>
                        )}
                      </td>
                      <td>{i.created_by_name ?? '—'}</td>
                      <td>{i.signed_at ? `${i.signed_by_name ?? ''}, ${fmtDateTime(i.signed_at)}` : '—'}</td>
                      <td className="num">{i.lines.length}</td>
                      <td className="nowrap">
                        <button
                          type="button"
                          className="btn btn-ghost"
                          aria-expanded={open === i.id}
                          onClick={() => setOpen(open === i.id ? undefined : i.id)}
                        >
                          {open === i.id ? 'Hide' : 'Lines'}
                        </button>
                        {i.status === 'draft' ? (
                          <button type="button" className="btn" onClick={() => setSigning(i)}>
                            Sign as pharmacist in charge
                          </button>
                        ) : null}
                      </td>
                    </tr>
                    {open === i.id ? (
                      <tr>
                        <td colSpan={7}>
                          <InventoryLines lines={i.lines} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {signing ? (
          <ESignDialog
            title="Sign controlled-substance inventory"
            signLabel="Sign inventory"
            statement={
              <>
                As pharmacist in charge you attest that this {signing.kind} inventory, taken{' '}
                {fmtDate(signing.taken_at)} at the {signing.time_of_day} of business, lists every controlled
                substance on hand (21 CFR 1304.11). Electronic signature (21 CFR Part 11): re-enter your
                password.
              </>
            }
            onClose={() => setSigning(undefined)}
            onSign={async (password) => {
              await api.post(`/api/controlled/inventories/${signing.id}/sign`, { password });
              setSigning(undefined);
              setDone(`The ${signing.kind} inventory of ${fmtDate(signing.taken_at)} is signed.`);
              setTick((t) => t + 1);
            }}
          />
        ) : null}
      </section>
      {can('controlled.manage') ? (
        <TakeInventory
          key={items.some((i) => i.status === 'signed') ? 'biennial' : 'initial'}
          first={!items.some((i) => i.status === 'signed')}
          onSaved={() => {
            setDone('Inventory saved as a draft: the pharmacist in charge signs it above.');
            setTick((t) => t + 1);
          }}
        />
      ) : null}
    </>
  );
}

function InventoryLines({ lines }: { lines: CsInventoryLine[] }) {
  const { site } = useSession();
  const names = useProductNames(
    lines.map((l) => l.ndc11),
    site?.id,
  );
  return (
    <table className="table compact">
      <caption className="sr-only">Products in the inventory</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Schedule</th>
          <th scope="col">Count</th>
          <th scope="col" className="num">
            Counted
          </th>
          <th scope="col" className="num">
            Ledger
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.ndc11}>
            <td>
              {names.get(l.ndc11) ?? ''} <span className="mono">{fmtNdc(l.ndc11)}</span>
            </td>
            <td>{l.schedule}</td>
            <td>{l.countType === 'exact' ? 'Exact' : 'Estimate'}</td>
            <td className="num">{l.quantity}</td>
            <td className="num">{l.systemQuantity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Entry {
  quantity: string;
  countType: 'exact' | 'estimate';
  containerUnits: string;
}

/** 21 CFR 1304.11(e)(3): exact for CII (and any opened container over 1,000 units); CIII–V may be estimated. */
function mustBeExact(item: WorksheetItem, containerUnits: string): boolean {
  const s = normalizeSchedule(item.schedule);
  return !s || countRequirement(s, Number(containerUnits) || 0) === 'exact';
}

function TakeInventory({ first, onSaved }: { first: boolean; onSaved: () => void }) {
  const { site } = useSession();
  const sheet = useWorksheet(site?.id);
  const products = sheet.data?.items ?? [];
  const names = useProductNames(
    products.map((p) => p.ndc11),
    site?.id,
  );
  const [kind, setKind] = useState<'initial' | 'biennial'>(first ? 'initial' : 'biennial');
  const [takenAt, setTakenAt] = useState(todayLocal());
  const [timeOfDay, setTimeOfDay] = useState<'opening' | 'close'>('opening');
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const entry = (ndc: string): Entry =>
    entries[ndc] ?? { quantity: '', countType: 'exact', containerUnits: '' };
  const set = (ndc: string, patch: Partial<Entry>) =>
    setEntries((e) => ({ ...e, [ndc]: { ...entry(ndc), ...patch } }));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const blank = products.filter((p) => entry(p.ndc11).quantity.trim() === '');
    setMissing(blank.map((p) => p.ndc11));
    if (blank.length) return;
    setBusy(true);
    try {
      await api.post('/api/controlled/inventories', {
        siteId: site?.id,
        kind,
        takenAt,
        timeOfDay,
        lines: products.map((p) => {
          const en = entry(p.ndc11);
          const exact = mustBeExact(p, en.containerUnits);
          return {
            ndc11: p.ndc11,
            countType: exact ? 'exact' : en.countType,
            quantity: Number(en.quantity),
            ...(en.containerUnits ? { containerUnits: Number(en.containerUnits) } : {}),
          };
        }),
      });
      setEntries({});
      onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const lineError = (i: number, ndc: string) =>
    missing.includes(ndc)
      ? 'enter the count (0 if none on hand)'
      : error?.errors
          .filter((x) => x.field.startsWith(`lines[${i}]`))
          .map((x) => x.reason)
          .join('; ');
  return (
    <section className="card" aria-labelledby="take-inv-h">
      <div className="card-head">
        <h2 id="take-inv-h">Take an inventory</h2>
      </div>
      <form onSubmit={save} noValidate>
        <div className="toolbar">
          <Field label="Kind">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as 'initial' | 'biennial')}>
                <option value="initial">Initial</option>
                <option value="biennial">Biennial</option>
              </select>
            )}
          </Field>
          <Field label="Date taken" error={error?.fieldError('takenAt')}>
            {(p) => <input {...p} type="date" value={takenAt} onChange={(e) => setTakenAt(e.target.value)} />}
          </Field>
          <Segmented
            legend="Taken at"
            showLegend
            name="time-of-day"
            options={TIMES_OF_DAY}
            value={timeOfDay}
            onChange={setTimeOfDay}
          />
        </div>
        <p className="hint">
          Schedule II: exact count. Schedules III–V: an estimate is allowed for opened containers unless the
          container holds more than 1,000 units when full (21 CFR 1304.11(e)(3)).
        </p>
        {sheet.loading && !sheet.data ? <Loading /> : null}
        {sheet.error ? <ErrorBanner error={sheet.error} /> : null}
        {sheet.data && !products.length ? <Empty>No controlled substance on hand at this site.</Empty> : null}
        {products.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="cs-worksheet">
              <caption className="sr-only">Controlled products on hand to count</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Where (ledger)</th>
                  <th scope="col">Opened container (units when full)</th>
                  <th scope="col">Count type</th>
                  <th scope="col" className="num">
                    Counted
                  </th>
                </tr>
              </thead>
              <tbody>
                {products.map((p, i) => {
                  const en = entry(p.ndc11);
                  const exact = mustBeExact(p, en.containerUnits);
                  const label = `${fmtNdc(p.ndc11)}`;
                  const err = lineError(i, p.ndc11);
                  return (
                    <tr key={p.ndc11} data-ndc={p.ndc11}>
                      <td>
                        {names.get(p.ndc11) ?? p.description ?? ''} <span className="mono">{label}</span>
                        {err ? <div className="field-error">{err}</div> : null}
                      </td>
                      <td title={SCHEDULE_LABEL[p.schedule]}>{p.schedule}</td>
                      <td className="muted">
                        {p.stock.map((s) => `${s.location} ${s.lot ?? ''}: ${s.quantity}`).join(' · ')}
                      </td>
                      <td>
                        {p.countRule === 'exact' ? (
                          <span className="muted">—</span>
                        ) : (
                          <input
                            aria-label={`Opened container size of ${label}`}
                            inputMode="numeric"
                            size={6}
                            value={en.containerUnits}
                            onChange={(e) => set(p.ndc11, { containerUnits: e.target.value })}
                          />
                        )}
                      </td>
                      <td>
                        <select
                          aria-label={`Count type of ${label}`}
                          value={exact ? 'exact' : en.countType}
                          disabled={exact}
                          onChange={(e) =>
                            set(p.ndc11, { countType: e.target.value as 'exact' | 'estimate' })
                          }
                        >
                          <option value="exact">Exact count</option>
                          <option value="estimate">Estimate</option>
                        </select>
                      </td>
                      <td className="num">
                        <input
                          aria-label={`Counted ${label}`}
                          aria-invalid={Boolean(err)}
                          inputMode="decimal"
                          size={7}
                          value={en.quantity}
                          onChange={(e) => set(p.ndc11, { quantity: e.target.value })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {missing.length ? (
          <p className="banner banner-error" role="alert">
            Enter a count for every controlled product on hand ({missing.length} missing): the inventory must
            list them all (21 CFR 1304.11).
          </p>
        ) : null}
        {error ? <RefusalBanner error={error} /> : null}
        {error?.errors.some((x) => x.field === 'lines') ? (
          <ul className="field-error">
            {error.errors
              .filter((x) => x.field === 'lines')
              .map((x) => (
                <li key={x.reason}>{x.reason}</li>
              ))}
          </ul>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !products.length}>
            Save for the PIC’s signature
          </button>
        </div>
      </form>
    </section>
  );
}
