import { type MouseEvent, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Items, Prescriber } from '../api/types';
import { Combobox } from './Combobox';
import { ErrorBanner, Field } from './ui';

interface Props {
  siteId: string;
  value: Prescriber | null;
  onChange: (p: Prescriber | null) => void;
  error?: string | undefined;
}

type Draft = {
  lastName: string;
  firstName: string;
  credential: string;
  npi: string;
  deaNumber: string;
  phone: string;
  fax: string;
};
const EMPTY: Draft = {
  lastName: '',
  firstName: '',
  credential: '',
  npi: '',
  deaNumber: '',
  phone: '',
  fax: '',
};

/**
 * Find the prescriber by name or NPI, or add them inline. The server checks the NPI (Luhn) and the DEA
 * number (format, check digit, last-name letter); its errors show on the field they name.
 */
export function PrescriberPicker({ siteId, value, onChange, error }: Props) {
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  async function create(e: MouseEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const optional = (k: keyof Draft) => (draft[k].trim() ? { [k]: draft[k].trim() } : {});
    try {
      const p = await api.post<Prescriber>('/api/prescribers', {
        siteId,
        lastName: draft.lastName.trim(),
        firstName: draft.firstName.trim(),
        npi: draft.npi.trim(),
        ...optional('credential'),
        ...optional('deaNumber'),
        ...optional('phone'),
        ...optional('fax'),
      });
      onChange(p);
      setCreating(false);
      setDraft(EMPTY);
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  if (value)
    return (
      <div className="picked" data-testid="picked-prescriber">
        <div>
          <span className="picked-label">Prescriber</span>
          <strong>
            {value.lastName}, {value.firstName}
          </strong>{' '}
          {value.credential ?? ''} · NPI <span className="mono">{value.npi}</span>
          {value.deaNumber ? (
            <>
              {' '}
              · DEA <span className="mono">{value.deaNumber}</span>
            </>
          ) : null}
        </div>
        <button type="button" className="btn btn-ghost" onClick={() => onChange(null)}>
          Change prescriber
        </button>
      </div>
    );

  const text = (
    k: keyof Draft,
    label: string,
    opts: { required?: boolean; mono?: boolean; hint?: string } = {},
  ) => (
    <Field label={label} required={opts.required} hint={opts.hint} error={failure?.fieldError(k)}>
      {(p) => (
        <input
          {...p}
          className={opts.mono ? 'mono' : undefined}
          value={draft[k]}
          onChange={(e) => set(k, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div className="picker">
      {!creating ? (
        <Combobox<Prescriber>
          label="Prescriber"
          placeholder="Last name or NPI"
          minChars={1}
          error={error}
          search={(q, signal) =>
            api
              .get<Items<Prescriber>>('/api/prescribers', { q }, signal)
              .then((r) => r.items.filter((p) => p.siteId === siteId))
          }
          optionKey={(p) => p.id}
          renderOption={(p) => (
            <span className="opt">
              <strong>
                {p.lastName}, {p.firstName}
              </strong>{' '}
              <span className="muted">
                {p.credential ?? ''} {p.specialty ?? ''} · NPI {p.npi}
              </span>
            </span>
          )}
          onSelect={onChange}
        />
      ) : null}
      {!creating ? (
        <button type="button" className="btn btn-link" onClick={() => setCreating(true)}>
          + New prescriber
        </button>
      ) : (
        <fieldset className="inline-form">
          <legend>New prescriber</legend>
          {failure ? <ErrorBanner error={failure} /> : null}
          <div className="form-grid">
            {text('lastName', 'Last name', { required: true })}
            {text('firstName', 'First name', { required: true })}
            {text('credential', 'Credential', { hint: 'MD, DO, NP, PA, DDS …' })}
            {text('npi', 'NPI', { required: true, mono: true, hint: '10 digits, check digit verified' })}
            {text('deaNumber', 'DEA number', { mono: true, hint: 'Needed for controlled substances' })}
            {text('phone', 'Phone')}
            {text('fax', 'Fax')}
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={create}>
              Add prescriber
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
