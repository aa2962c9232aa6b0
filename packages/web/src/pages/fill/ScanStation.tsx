import { parseScan } from '@apotheca/core/gs1';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { type DrugDetail, fmtNdc } from '../../api/rx';
import { ErrorBanner, Field } from '../../components/ui';
import { act, type FillBundle } from './data';

interface Mismatch {
  scanned: string;
  expected: string;
  candidates: string[];
  names: string[];
}

/** Lot and expiry carried by a GS1 DataMatrix (AI 10 and 17), read in the browser to prefill the fields. */
function gs1LotExpiry(scan: string): { lot?: string; expiry?: string } {
  const r = parseScan(scan);
  if (!r.ok || r.kind !== 'gs1') return {};
  return { ...(r.data.lot ? { lot: r.data.lot } : {}), ...(r.data.expiry ? { expiry: r.data.expiry } : {}) };
}

/**
 * Fill: scan the stock bottle. Keyboard-wedge scanners type the code and press Enter. A GS1 group separator
 * (ASCII 29) arrives as a character from some scanners, as Ctrl+] from others; both become "^", which the
 * server reads as FNC1 (as it does "<GS>").
 */
export function ScanStation({
  bundle,
  canFill,
  onChanged,
}: {
  bundle: FillBundle;
  canFill: boolean;
  onChanged: () => void;
}) {
  const { fill, prescription: rx } = bundle.detail;
  const [scan, setScan] = useState('');
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [quantity, setQuantity] = useState(String(fill.quantity ?? rx.quantity ?? ''));
  const [mismatch, setMismatch] = useState<Mismatch | null>(null);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const banner = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (mismatch) banner.current?.scrollIntoView({ block: 'start' });
  }, [mismatch]);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey && (e.key === ']' || e.code === 'BracketRight')) {
      e.preventDefault();
      setScan((s) => `${s}^`);
    }
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const code = scan.trim();
    if (!code) return;
    const fromCode = gs1LotExpiry(code);
    const useLot = fromCode.lot ?? lot.trim();
    const useExpiry = fromCode.expiry ?? expiry;
    if (fromCode.lot) setLot(fromCode.lot);
    if (fromCode.expiry) setExpiry(fromCode.expiry);
    setBusy(true);
    setFailure(undefined);
    setMismatch(null);
    try {
      await act(fill.id, 'record_fill', {
        scan: code,
        ...(useLot ? { lot: useLot } : {}),
        ...(useExpiry ? { expiry: useExpiry } : {}),
        ...(quantity ? { quantity: Number(quantity) } : {}),
      });
      onChanged();
    } catch (err) {
      const ae = err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
      if (ae.code === 'scan_mismatch') {
        const candidates = Array.isArray(ae.body.scannedCandidates)
          ? (ae.body.scannedCandidates as string[])
          : [];
        const names = await Promise.all(
          candidates.slice(0, 3).map((n) =>
            api
              .get<DrugDetail>(`/api/drugs/${n}`, { siteId: fill.site_id })
              .then((d) => `${d.product.displayName} ${d.product.strength ?? ''}`.trim())
              .catch(() => ''),
          ),
        );
        setMismatch({
          scanned: code,
          expected: String(ae.body.expectedNdc11 ?? rx.ndc11 ?? ''),
          candidates,
          names: names.filter(Boolean),
        });
        setScan('');
        onChanged(); // the refused scan is logged: refresh the history
      } else setFailure(ae);
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const d = bundle.drug;
  const fe = (f: string) => failure?.fieldError(f);
  return (
    <div className={`scan-station${mismatch ? ' is-mismatch' : ''}`}>
      {mismatch ? (
        <div className="mismatch-banner" role="alert" ref={banner} data-testid="mismatch-banner">
          <p className="mismatch-title">
            <span aria-hidden="true">✕ </span>WRONG PRODUCT — DO NOT FILL
          </p>
          <div className="mismatch-grid">
            <div>
              <span className="mismatch-k">Expected NDC</span>
              <span className="mismatch-v mono">{fmtNdc(mismatch.expected)}</span>
              <span>{d ? `${d.product.displayName} ${d.product.strength ?? ''}` : rx.drug_description}</span>
            </div>
            <div>
              <span className="mismatch-k">Scanned</span>
              <span className="mismatch-v mono">
                {mismatch.candidates.length ? mismatch.candidates.map(fmtNdc).join(' / ') : 'not a drug code'}
              </span>
              <span>{mismatch.names.join(' / ') || mismatch.scanned}</span>
            </div>
          </div>
          <p>
            Put this bottle back. Scan the correct product to continue — this warning clears only on a new
            scan.
          </p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="fill-h">
        <h2 id="fill-h">Fill: scan the stock bottle</h2>
        <div className="expect">
          <div>
            <span className="picked-label">Product to fill</span>
            <strong>
              {d
                ? `${d.product.displayName} ${d.product.strength ?? ''} ${d.product.dosageForm ?? ''}`
                : rx.drug_description}
            </strong>
          </div>
          <div>
            <span className="picked-label">NDC</span>
            <span className="mono big">{fmtNdc(rx.ndc11)}</span>
          </div>
          <div>
            <span className="picked-label">Quantity</span>
            <span className="big">{fill.quantity ?? rx.quantity ?? '—'}</span>
          </div>
          {d?.package.description ? (
            <div>
              <span className="picked-label">Package</span>
              {d.package.description}
            </div>
          ) : null}
        </div>
        {failure ? <ErrorBanner error={failure} title="Not filled" /> : null}
        {canFill ? (
          <form onSubmit={submit} className="scan-form">
            <Field
              label="Scan barcode"
              error={fe('scan')}
              hint="NDC, UPC or GS1 DataMatrix; lot and expiry are read from the DataMatrix. Group separator: ^ or <GS>."
            >
              {(p) => (
                <input
                  {...p}
                  ref={input}
                  className="scan-input"
                  // biome-ignore lint/a11y/noAutofocus: the scanner types into the focused field
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  value={scan}
                  onKeyDown={onKey}
                  onChange={(e) => setScan(e.target.value.replaceAll('\u001d', '^'))}
                  data-testid="scan-input"
                />
              )}
            </Field>
            <div className="form-grid">
              <Field label="Lot" error={fe('lot')}>
                {(p) => <input {...p} value={lot} onChange={(e) => setLot(e.target.value)} />}
              </Field>
              <Field label="Expiry" error={fe('expiry')}>
                {(p) => (
                  <input {...p} type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
                )}
              </Field>
              <Field label="Quantity dispensed" error={fe('quantity')}>
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min="0"
                    step="any"
                    value={quantity}
                    onChange={(e) => setQuantity(e.target.value)}
                  />
                )}
              </Field>
            </div>
            <button type="submit" className="btn btn-primary" disabled={busy || !scan.trim()}>
              {busy ? 'Checking…' : 'Record fill'}
            </button>
          </form>
        ) : (
          <p className="hint">Your role cannot record fills.</p>
        )}
      </section>
    </div>
  );
}
