import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { api } from '../../api/client';
import { type DrugSearch, fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Field } from '../../components/ui';
import { type Count, type FoundItem, listedAs, readFoundScan } from './countTypes';

interface Location {
  code: string;
  name: string;
}

type Errors = Partial<Record<'scan' | 'lot' | 'expiry' | 'location' | 'counted', string>>;
interface Product {
  text: string;
  ndc11: string;
  name: string;
  /** What the barcode carried (filled into the fields when read; the fields may be edited afterwards). */
  lot?: string;
  expiry?: string;
  serial?: string;
}

/**
 * "Add found item": a package at the counted place that the count did not list. A scan (GS1 DataMatrix, GTIN,
 * UPC) or a typed NDC names the product through the drug catalogue and fills lot and expiry when the barcode
 * carries them; the location defaults to the count's. Nothing here reads stock, so a blind count stays blind.
 * The item joins the sheet and goes to the server with the submission (`lines[]` without a lineId).
 */
export function AddFoundItem({
  count,
  found,
  siteId,
  onAdd,
  onClose,
}: {
  count: Count;
  found: FoundItem[];
  siteId: string | undefined;
  onAdd: (item: FoundItem, name: string) => void;
  onClose: () => void;
}) {
  const locations = useApi(
    (signal) => api.get<Items<Location>>('/api/inventory/locations', { siteId }, signal),
    [siteId],
  );
  const [scan, setScan] = useState('');
  const [product, setProduct] = useState<Product>();
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [serial, setSerial] = useState('');
  const [location, setLocation] = useState(count.location ?? count.lines[0]?.location ?? 'SHELF');
  const [counted, setCounted] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const scanRef = useRef<HTMLInputElement>(null);
  const lotRef = useRef<HTMLInputElement>(null);
  const countedRef = useRef<HTMLInputElement>(null);

  /** Reads the scan: the product from the drug catalogue, lot/expiry/serial from the barcode. */
  const read = async (): Promise<Product | undefined> => {
    if (product && product.text === scan) return product;
    const r = readFoundScan(scan);
    if (!r.ok) {
      setErrors((e) => ({ ...e, scan: r.reason }));
      return undefined;
    }
    // The catalogue resolves the scan as a whole; failing that, each NDC layout the digits fit.
    let hits = (await api.get<DrugSearch>('/api/drugs/search', { q: scan.trim(), siteId })).items;
    if (!hits.some((i) => r.ndc11s.includes(i.ndc11)))
      for (const n of r.ndc11s.slice(0, 4))
        hits = [...hits, ...(await api.get<DrugSearch>('/api/drugs/search', { q: n, siteId })).items];
    const ndcs = [...new Set(hits.map((i) => i.ndc11).filter((n) => r.ndc11s.includes(n)))];
    const ndc11 = ndcs.length === 1 ? ndcs[0] : undefined;
    const hit = hits.find((i) => i.ndc11 === ndc11);
    if (!ndc11 || !hit) {
      setErrors((e) => ({
        ...e,
        scan: ndcs.length
          ? 'Several products match: type the full 11-digit NDC'
          : `No product with NDC ${r.ndc11s.map((n) => fmtNdc(n)).join(' or ')} in the drug catalogue`,
      }));
      return undefined;
    }
    const p: Product = {
      text: scan,
      ndc11,
      name: hit.name,
      ...(r.lot ? { lot: r.lot } : {}),
      ...(r.expiry ? { expiry: r.expiry } : {}),
      ...(r.serial ? { serial: r.serial } : {}),
    };
    setProduct(p);
    setErrors((e) => ({ ...e, scan: undefined }));
    if (p.lot) setLot(p.lot);
    if (p.expiry) setExpiry(p.expiry);
    setSerial(p.serial ?? '');
    return p;
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    setBusy(true);
    void read()
      .then((p) => {
        if (!p) return;
        const r = readFoundScan(scan);
        (r.ok && r.lot ? countedRef : lotRef).current?.focus();
      })
      .finally(() => setBusy(false));
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const fresh = !product || product.text !== scan;
      const p = await read();
      // A scan read just now has not reached the fields' state yet: take its lot and expiry directly.
      const lotV = ((fresh ? p?.lot : undefined) ?? lot).trim();
      const expiryV = (fresh ? p?.expiry : undefined) ?? expiry;
      const serialV = fresh ? (p?.serial ?? '') : serial;
      const next: Errors = {};
      const qty = counted.trim() === '' ? Number.NaN : Number(counted);
      if (!Number.isFinite(qty) || qty < 0) next.counted = 'Enter the quantity counted (0 or more)';
      if (lotV.length > 20) next.lot = 'At most 20 characters';
      if (!location) next.location = 'Choose where the item was found';
      if (p) {
        const item = { location, ndc11: p.ndc11, lot: lotV };
        const line = listedAs(item, count.lines);
        const twice = found.find(
          (f) => f.location === item.location && f.ndc11 === item.ndc11 && f.lot === item.lot,
        );
        if (line)
          next.scan = `Already on this count (${fmtNdc(line.ndc11)} lot ${line.lot ?? '—'} at ${line.location}): enter it on its line`;
        else if (twice) next.scan = 'Already added below: change its quantity there';
      }
      setErrors((old) => ({ ...(p ? {} : { scan: old.scan }), ...next }));
      if (!p || Object.keys(next).length) return;
      onAdd(
        {
          key: `${location}|${p.ndc11}|${lotV}|${expiryV}|${serialV}`,
          location,
          ndc11: p.ndc11,
          lot: lotV,
          expiry: expiryV,
          serial: serialV,
          counted: String(qty),
        },
        p.name,
      );
      setScan('');
      setProduct(undefined);
      setLot('');
      setExpiry('');
      setSerial('');
      setCounted('');
      scanRef.current?.focus();
    } catch {
      setErrors((old) => ({ ...old, scan: 'The drug catalogue did not answer: try again' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="found-item" onSubmit={add} aria-labelledby="found-item-h" data-testid="found-item">
      <h3 id="found-item-h">Add found item</h3>
      <p className="muted">
        A package here that the count does not list. Scan it (the lot and expiry fill in from a DataMatrix) or
        type its NDC.
      </p>
      <div className="toolbar">
        <Field label="Barcode or NDC" className="grow" error={errors.scan}>
          {(p) => (
            <input
              {...p}
              ref={scanRef}
              value={scan}
              autoComplete="off"
              // biome-ignore lint/a11y/noAutofocus: opened on purpose to scan the found package at once
              autoFocus
              onKeyDown={onScanKey}
              onChange={(e) => {
                setScan(e.target.value.replaceAll('\u001d', '^'));
                setErrors((old) => ({ ...old, scan: undefined }));
              }}
            />
          )}
        </Field>
        <Field label="Lot" error={errors.lot}>
          {(p) => (
            <input {...p} ref={lotRef} value={lot} size={12} onChange={(e) => setLot(e.target.value)} />
          )}
        </Field>
        <Field label="Expiry" error={errors.expiry}>
          {(p) => <input {...p} type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />}
        </Field>
        <Field label="Found at" error={errors.location}>
          {(p) => (
            <select {...p} value={location} onChange={(e) => setLocation(e.target.value)}>
              {(locations.data?.items ?? [{ code: location, name: location }]).map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name} ({l.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Quantity counted" error={errors.counted}>
          {(p) => (
            <input
              {...p}
              ref={countedRef}
              inputMode="decimal"
              size={7}
              value={counted}
              onChange={(e) => {
                setCounted(e.target.value);
                setErrors((old) => ({ ...old, counted: undefined }));
              }}
            />
          )}
        </Field>
      </div>
      {product ? (
        <p className="muted" data-testid="found-product">
          {product.name} <span className="mono">{fmtNdc(product.ndc11)}</span>
          {serial ? ` · serial ${serial}` : ''}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy}>
          Add to the count
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Done
        </button>
      </div>
    </form>
  );
}
