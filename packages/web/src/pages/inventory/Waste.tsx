import './counts.css';
import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api/client';
import { fmtNdc, type OnHand } from '../../api/rx';
import { useApi } from '../../api/useApi';
import { asApiError, RefusalBanner } from '../../components/Refusal';
import { ErrorBanner, Field, Loading } from '../../components/ui';
import { useSession } from '../../session';
import { useProductNames } from './names';

interface Movement {
  id: string;
  ndc11: string;
  location: string;
  lot: string | null;
  quantity: number;
  balanceAfter: number;
}

/**
 * Waste with a second licensed witness: the witness types their own username and password at the moment of the
 * waste (the server checks the password, that they are someone else and hold the witness permission and the
 * controlled-substance privilege for the schedule).
 */
export function WasteTab() {
  const { site } = useSession();
  const [tick, setTick] = useState(0);
  const stock = useApi(
    (signal) => api.get<{ items: OnHand[] }>('/api/inventory/on-hand', { siteId: site?.id }, signal),
    [site?.id, tick],
  );
  const items = (stock.data?.items ?? []).filter((b) => b.quantity > 0);
  const names = useProductNames(
    items.map((b) => b.ndc11),
    site?.id,
  );
  const [pick, setPick] = useState('');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [witness, setWitness] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<Movement[]>();
  const [busy, setBusy] = useState(false);
  const key = (b: OnHand) => [b.ndc11, b.location, b.lot ?? '', b.expiry ?? ''].join('|');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const [ndc11 = '', location = '', lot = '', expiry = ''] = pick.split('|');
    try {
      const res = await api.post<{ movements: Movement[] }>('/api/inventory/waste', {
        siteId: site?.id,
        ndc11,
        location,
        ...(lot ? { lot } : {}),
        ...(expiry ? { expiry } : {}),
        quantity: Number(quantity),
        reason: reason.trim(),
        witness: { username: witness.trim(), password },
      });
      setDone(res.movements);
      setPassword('');
      setQuantity('');
      setReason('');
      setTick((t) => t + 1);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="waste-h">
      <div className="card-head">
        <h2 id="waste-h">Record witnessed waste</h2>
      </div>
      {stock.loading && !stock.data ? <Loading /> : null}
      {stock.error ? <ErrorBanner error={stock.error} /> : null}
      <form onSubmit={submit} noValidate>
        <Field label="Stock to waste" error={error?.fieldError('ndc11') ?? error?.fieldError('location')}>
          {(p) => (
            <select {...p} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">Choose a product, location and lot…</option>
              {items.map((b) => (
                <option key={key(b)} value={key(b)}>
                  {names.get(b.ndc11) ?? fmtNdc(b.ndc11)} · {b.location} · lot {b.lot ?? '—'} · on hand{' '}
                  {b.quantity}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-grid">
          <Field label="Quantity wasted" required error={error?.fieldError('quantity')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={quantity}
                onChange={(e) => setQuantity(e.target.value)}
              />
            )}
          </Field>
          <Field label="Reason" required error={error?.fieldError('reason')}>
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </div>
        <fieldset>
          <legend>Witness (a second licensed person)</legend>
          <div className="form-grid">
            <Field label="Witness username" required error={error?.fieldError('username')}>
              {(p) => (
                <input
                  {...p}
                  autoComplete="off"
                  value={witness}
                  onChange={(e) => setWitness(e.target.value)}
                />
              )}
            </Field>
            <Field label="Witness password" required error={error?.fieldError('password')}>
              {(p) => (
                <input
                  {...p}
                  type="password"
                  autoComplete="off"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>
        {error ? <RefusalBanner error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Record waste
          </button>
        </div>
      </form>
      {done ? (
        <p className="banner banner-ok" role="status" data-testid="waste-done">
          Waste recorded:{' '}
          {done
            .map(
              (m) =>
                `${fmtNdc(m.ndc11)} lot ${m.lot ?? '—'} at ${m.location} ${m.quantity}, now ${m.balanceAfter}`,
            )
            .join('; ')}
          .
        </p>
      ) : null}
    </section>
  );
}
