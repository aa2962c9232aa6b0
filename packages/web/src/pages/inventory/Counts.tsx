import './counts.css';
import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api/client';
import type { DrugSearch } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { asApiError, RefusalBanner } from '../../components/Refusal';
import { ErrorBanner, Field, Loading, Segmented } from '../../components/ui';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { CountSheet } from './CountSheet';
import type { Count } from './countTypes';
import { PastCounts } from './PastCounts';

type Scope = Count['scope'];
const SCOPES: { id: Scope; label: string }[] = [
  { id: 'location', label: 'One location' },
  { id: 'product', label: 'One product (all locations)' },
  { id: 'full', label: 'Full count (every location)' },
];

const countUrl = (id: string | null) =>
  `/inventory?tab=counts${id ? `&count=${encodeURIComponent(id)}` : ''}`;

/** Cycle counts and full physical inventories: start one, count it (with scans), post it, look back at past counts. */
export function CountsTab() {
  const { site } = useSession();
  const { query } = useLocation();
  const countId = query.get('count');
  const [tick, setTick] = useState(0);
  const [fresh, setFresh] = useState<Count>();
  const current = useApi(
    (signal) =>
      countId
        ? api.get<Count>(`/api/inventory/counts/${countId}`, undefined, signal)
        : Promise.resolve(undefined),
    [countId, tick],
  );
  // The answer of the last action shows at once; the detail read (with names) replaces it when it arrives.
  const loaded = current.data?.id === countId ? current.data : undefined;
  const count =
    fresh?.id === countId && (!loaded || loaded.status !== fresh.status)
      ? fresh
      : loaded && { ...loaded, ...(fresh?.id === loaded.id ? { discrepancyIds: fresh.discrepancyIds } : {}) };
  const show = (c: Count) => {
    setFresh(c);
    setTick((t) => t + 1);
    navigate(countUrl(c.id), { replace: true });
  };
  return (
    <>
      <StartCount siteId={site?.id} onOpened={show} />
      {current.loading && countId && !count ? <Loading /> : null}
      {current.error ? <ErrorBanner error={current.error} /> : null}
      {count ? <CountSheet key={`${count.id}|${count.status}`} count={count} onChange={show} /> : null}
      <PastCounts
        siteId={site?.id}
        reloadKey={tick}
        currentId={countId}
        onOpen={(id) => {
          setFresh(undefined);
          navigate(countUrl(id), { replace: true });
        }}
      />
    </>
  );
}

interface Location {
  code: string;
  name: string;
}

/** NDC typed (11 digits, dashes optional) or a scan resolved by the drug search (GS1, GTIN, UPC, 10-digit NDC). */
async function resolveNdc(text: string, siteId: string | undefined): Promise<string | null> {
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d{11}$/.test(digits)) return digits;
  const res = await api.get<DrugSearch>('/api/drugs/search', { q: text.trim(), siteId });
  const ndcs = [...new Set(res.items.map((i) => i.ndc11))];
  return ndcs.length === 1 ? (ndcs[0] ?? null) : null;
}

function StartCount({ siteId, onOpened }: { siteId: string | undefined; onOpened: (c: Count) => void }) {
  const [scope, setScope] = useState<Scope>('location');
  const [location, setLocation] = useState('VAULT');
  const [ndcText, setNdcText] = useState('');
  const [blind, setBlind] = useState(true);
  const [error, setError] = useState<ApiError>();
  const [ndcError, setNdcError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const locations = useApi(
    (signal) => api.get<Items<Location>>('/api/inventory/locations', { siteId }, signal),
    [siteId],
  );
  const open = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setNdcError(undefined);
    setBusy(true);
    try {
      let ndc11: string | undefined;
      if (scope === 'product') {
        ndc11 = (await resolveNdc(ndcText, siteId)) ?? undefined;
        if (!ndc11) {
          setNdcError('Enter an 11-digit NDC or scan one package of the product');
          return;
        }
      }
      onOpened(
        await api.post<Count>('/api/inventory/counts', {
          siteId,
          scope,
          blind,
          ...(scope === 'location' ? { location } : {}),
          ...(ndc11 ? { ndc11 } : {}),
        }),
      );
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="count-start-h">
      <div className="card-head">
        <h2 id="count-start-h">Start a count</h2>
      </div>
      <form onSubmit={open}>
        <Segmented
          legend="What to count"
          name="count-scope"
          options={SCOPES}
          value={scope}
          onChange={setScope}
        />
        <div className="toolbar">
          {scope === 'location' ? (
            <Field label="Location" error={error?.fieldError('location')}>
              {(p) => (
                <select {...p} value={location} onChange={(e) => setLocation(e.target.value)}>
                  {(locations.data?.items ?? [{ code: 'VAULT', name: 'Vault' }]).map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.name} ({l.code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {scope === 'product' ? (
            <Field
              label="Product NDC or scan"
              className="grow"
              error={ndcError ?? error?.fieldError('ndc11')}
            >
              {(p) => (
                <input
                  {...p}
                  value={ndcText}
                  autoComplete="off"
                  placeholder="e.g. 00228-2027-10"
                  onChange={(e) => setNdcText(e.target.value.replaceAll('\u001d', '^'))}
                />
              )}
            </Field>
          ) : null}
          {scope === 'full' ? (
            <p className="muted">Every product at every location of this site, in one count.</p>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind (hide
            expected quantities while counting)
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Start count
          </button>
        </div>
        {error && !error.errors.length ? <RefusalBanner error={error} /> : null}
      </form>
    </section>
  );
}
