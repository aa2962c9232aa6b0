import { type FormEvent, useRef, useState } from 'react';
import { type ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import { asApiError, RefusalBanner } from '../../components/Refusal';
import { Badge, Field, fmtDate, fmtDateTime } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';
import {
  type Count,
  type CountLine,
  type FoundItem,
  linesForScan,
  STATUS_LABEL,
  STATUS_TONE,
  scopeText,
  signed,
  submittedLineField,
} from './countTypes';
import { AddFoundItem } from './FoundItem';
import { useProductNames } from './names';

/**
 * One count: scan a barcode to jump to its line, enter counted quantities, submit; a pharmacist then approves and
 * the variances post to the ledger as `count` movements (reason "count <id>"). Blind counts show no expected
 * quantity until the count is submitted (the server leaves it out).
 */
export function CountSheet({ count, onChange }: { count: Count; onChange: (c: Count) => void }) {
  const { site, can } = useSession();
  const [found, setFound] = useState<FoundItem[]>([]);
  const [foundNames, setFoundNames] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  /** How many listed lines the last submission sent before the found items (server errors name `lines[i]`). */
  const [sentListed, setSentListed] = useState(0);
  const names = useProductNames(
    count.lines.map((l) => l.ndc11),
    site?.id,
  );
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [scan, setScan] = useState('');
  const [scanNote, setScanNote] = useState<{ ok: boolean; text: string }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const editable = count.status === 'open';

  const onScan = (e: FormEvent) => {
    e.preventDefault();
    const { ndc11, lot, matches } = linesForScan(scan, count.lines);
    setScan('');
    if (!matches.length) {
      setScanNote({
        ok: false,
        text: ndc11
          ? `${fmtNdc(ndc11)}${lot ? ` lot ${lot}` : ''} is not on this count. If it is here, add it as a found item.`
          : 'That barcode holds no NDC.',
      });
      return;
    }
    const target = matches.find((l) => !counted[l.id]) ?? matches[0];
    if (!target) return;
    setScanNote({
      ok: true,
      text: `Line ${fmtNdc(target.ndc11)} lot ${target.lot ?? '—'} at ${target.location}: enter the quantity.`,
    });
    const input = inputs.current.get(target.id);
    input?.focus();
    input?.select();
  };

  const run = async (f: () => Promise<Count>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await f());
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const listed = count.lines
      .filter((l) => (counted[l.id] ?? '').trim() !== '')
      .map((l) => ({ lineId: l.id, counted: Number(counted[l.id]) }));
    setSentListed(listed.length);
    return run(() =>
      api.post<Count>(`/api/inventory/counts/${count.id}/submit`, {
        lines: [
          ...listed,
          ...found.map((f) => ({
            location: f.location,
            ndc11: f.ndc11,
            ...(f.lot ? { lot: f.lot } : {}),
            ...(f.expiry ? { expiry: f.expiry } : {}),
            ...(f.serial ? { serial: f.serial } : {}),
            counted: f.counted.trim() === '' ? Number.NaN : Number(f.counted),
          })),
        ],
      }),
    );
  };
  /** The server's complaint about found item i, on the field it names (`counted`, `location`, `lot`, …). */
  const foundError = (i: number, name: string) =>
    error?.errors.find((e) => {
      const f = submittedLineField(e.field);
      return f?.index === sentListed + i && (f.name === name || (name === 'ndc11' && f.name === ''));
    })?.reason;
  const setFoundCount = (key: string, value: string) =>
    setFound((all) => all.map((f) => (f.key === key ? { ...f, counted: value } : f)));
  const approve = () => run(() => api.post<Count>(`/api/inventory/counts/${count.id}/approve`, {}));
  const entered = count.lines.filter((l) => (counted[l.id] ?? '').trim() !== '').length;
  const variances = count.lines.filter((l) => (l.variance ?? 0) !== 0);
  const lineError = (l: CountLine) => error?.errors.find((e) => e.field === `lineId ${l.id}`)?.reason;

  return (
    <section className="card" aria-labelledby="count-sheet-h" data-testid="count-sheet">
      <div className="card-head">
        <h2 id="count-sheet-h">{scopeText(count)}</h2>
        <Badge tone={STATUS_TONE[count.status]}>{STATUS_LABEL[count.status]}</Badge>
      </div>
      <p className="muted">
        {count.blind ? 'Blind count' : 'Count'} opened {fmtDateTime(count.createdAt)}
        {count.createdByName ? ` by ${count.createdByName}` : ''}
        {count.submittedAt
          ? ` · submitted ${fmtDateTime(count.submittedAt)}${count.submittedByName ? ` by ${count.submittedByName}` : ''}`
          : ''}
        {count.approvedAt
          ? ` · approved ${fmtDateTime(count.approvedAt)}${count.approvedByName ? ` by ${count.approvedByName}` : ''}`
          : ''}
      </p>
      {editable ? (
        <form className="toolbar" onSubmit={onScan}>
          <Field
            label="Scan a barcode"
            className="grow"
            hint="A GS1 DataMatrix, GTIN, UPC or typed NDC jumps to its line (and lot)."
          >
            {(p) => (
              <input
                {...p}
                value={scan}
                autoComplete="off"
                data-testid="count-scan"
                onChange={(e) => setScan(e.target.value.replaceAll('\u001d', '^'))}
              />
            )}
          </Field>
          <button type="submit" className="btn">
            Find line
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            aria-expanded={adding}
            aria-controls="found-item-panel"
            onClick={() => setAdding((a) => !a)}
          >
            Add found item
          </button>
        </form>
      ) : null}
      <p
        role="status"
        className={`count-scan-note ${scanNote && !scanNote.ok ? 'banner banner-warn' : 'muted'}`}
      >
        {scanNote?.text ?? ''}
      </p>
      {editable && adding ? (
        <div id="found-item-panel">
          <AddFoundItem
            count={count}
            found={found}
            siteId={site?.id}
            onAdd={(item, name) => {
              setFound((all) => [...all, item]);
              setFoundNames((n) => ({ ...n, [item.ndc11]: name }));
              setScanNote({
                ok: true,
                text: `Found item added: ${name} ${fmtNdc(item.ndc11)} lot ${item.lot || '—'} at ${item.location}, ${item.counted} counted.`,
              });
            }}
            onClose={() => setAdding(false)}
          />
        </div>
      ) : null}
      {error ? <RefusalBanner error={error} /> : null}
      <div className="table-wrap">
        <table className="table compact" data-testid="count-lines">
          <caption className="sr-only">Count lines by location, product and lot</caption>
          <thead>
            <tr>
              <th scope="col">Location</th>
              <th scope="col">Product</th>
              <th scope="col">Lot</th>
              <th scope="col">Expiry</th>
              <th scope="col" className="num">
                Expected
              </th>
              <th scope="col" className="num">
                Counted
              </th>
              <th scope="col" className="num">
                Variance
              </th>
            </tr>
          </thead>
          <tbody>
            {count.lines.map((l) => (
              <tr key={l.id} data-line={`${l.ndc11}|${l.lot ?? ''}|${l.location}`}>
                <td>{l.location}</td>
                <td>
                  {names.get(l.ndc11) ?? ''} <span className="mono nowrap">{fmtNdc(l.ndc11)}</span>
                </td>
                <td className="mono">{l.lot ?? '—'}</td>
                <td className="nowrap">{l.expiry ? fmtDate(l.expiry) : '—'}</td>
                <td className="num">
                  {l.expected ?? <span className="muted">{count.blind ? 'hidden' : '—'}</span>}
                </td>
                <td className="num">
                  {editable ? (
                    <>
                      <input
                        ref={(el) => {
                          if (el) inputs.current.set(l.id, el);
                          else inputs.current.delete(l.id);
                        }}
                        aria-label={`Counted ${fmtNdc(l.ndc11)} lot ${l.lot ?? 'none'} at ${l.location}`}
                        aria-invalid={Boolean(lineError(l))}
                        inputMode="decimal"
                        size={7}
                        value={counted[l.id] ?? ''}
                        onChange={(e) => setCounted((c) => ({ ...c, [l.id]: e.target.value }))}
                      />
                      {lineError(l) ? <span className="field-error">not counted</span> : null}
                    </>
                  ) : (
                    (l.counted ?? '—')
                  )}
                </td>
                <td className="num">
                  {l.variance ? <strong>{signed(l.variance)}</strong> : (l.variance ?? '—')}
                </td>
              </tr>
            ))}
            {editable
              ? found.map((f, i) => (
                  <tr key={f.key} data-found={`${f.ndc11}|${f.lot}|${f.location}`}>
                    <td>
                      {f.location}
                      <FieldError text={foundError(i, 'location')} />
                    </td>
                    <td>
                      {names.get(f.ndc11) ?? foundNames[f.ndc11] ?? ''}{' '}
                      <span className="mono nowrap">{fmtNdc(f.ndc11)}</span> <Badge tone="info">found</Badge>
                      <FieldError text={foundError(i, 'ndc11')} />
                    </td>
                    <td className="mono">
                      {f.lot || '—'}
                      {f.serial ? <span className="muted"> SN {f.serial}</span> : null}
                      <FieldError text={foundError(i, 'lot')} />
                    </td>
                    <td className="nowrap">
                      {f.expiry ? fmtDate(f.expiry) : '—'}
                      <FieldError text={foundError(i, 'expiry')} />
                    </td>
                    <td className="num">
                      <span className="muted">not listed</span>
                    </td>
                    <td className="num">
                      <input
                        aria-label={`Counted found ${fmtNdc(f.ndc11)} lot ${f.lot || 'none'} at ${f.location}`}
                        aria-invalid={Boolean(foundError(i, 'counted'))}
                        inputMode="decimal"
                        size={7}
                        value={f.counted}
                        onChange={(e) => setFoundCount(f.key, e.target.value)}
                      />
                      <FieldError text={foundError(i, 'counted')} />
                    </td>
                    <td className="num">
                      <button
                        type="button"
                        className="btn btn-ghost"
                        aria-label={`Remove found ${fmtNdc(f.ndc11)} lot ${f.lot || 'none'} at ${f.location}`}
                        onClick={() => setFound((all) => all.filter((x) => x.key !== f.key))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))
              : null}
          </tbody>
        </table>
      </div>
      {editable ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={submit} disabled={busy}>
            Submit count ({entered} of {count.lines.length} lines entered
            {found.length ? `, ${found.length} found item${found.length === 1 ? '' : 's'}` : ''})
          </button>
        </div>
      ) : null}
      {count.status === 'submitted' ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={approve} disabled={busy}>
            Approve and post {variances.length} variance{variances.length === 1 ? '' : 's'}
          </button>
          {can('inventory.approve_variance') ? null : (
            <span className="muted">A pharmacist approves the variances.</span>
          )}
        </div>
      ) : null}
      {count.status === 'approved' ? (
        <div className="banner banner-ok" data-testid="count-posted">
          {variances.length
            ? `${variances.length} variance${variances.length === 1 ? '' : 's'} posted to the ledger as count adjustments (reason “count ${count.id}”).`
            : 'No variance: the ledger already matched the count.'}
          {count.discrepancyIds?.length ? (
            <>
              {' '}
              {count.discrepancyIds.length} controlled-substance discrepanc
              {count.discrepancyIds.length === 1 ? 'y was' : 'ies were'} opened for investigation
              {can('controlled.read') ? (
                <>
                  {' '}
                  (<Link href="/inventory?tab=controlled&view=discrepancies">Discrepancies</Link>)
                </>
              ) : null}
              .
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

const FieldError = ({ text }: { text: string | undefined }) =>
  text ? <span className="field-error">{text}</span> : null;
