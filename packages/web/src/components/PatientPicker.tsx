import { type MouseEvent, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Items, Patient } from '../api/types';
import { AllergyBadge } from '../pages/Patients';
import { Combobox } from './Combobox';
import { ageYears, ErrorBanner, Field, fmtDate } from './ui';

interface Props {
  siteId: string;
  value: Patient | null;
  onChange: (p: Patient | null) => void;
  error?: string | undefined;
}

type Draft = { firstName: string; lastName: string; birthDate: string; sex: string; phone: string };
const EMPTY: Draft = { firstName: '', lastName: '', birthDate: '', sex: 'unknown', phone: '' };

/** Find the patient by name/MRN, or create them inline; a likely duplicate is shown before anything is created. */
export function PatientPicker({ siteId, value, onChange, error }: Props) {
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [failure, setFailure] = useState<ApiError>();
  const [dupes, setDupes] = useState<Patient[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  async function create(confirmNotDuplicate: boolean) {
    setBusy(true);
    setFailure(undefined);
    try {
      const p = await api.post<Patient>('/api/patients', {
        siteId,
        firstName: draft.firstName.trim(),
        lastName: draft.lastName.trim(),
        birthDate: draft.birthDate,
        sex: draft.sex,
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
      });
      onChange(p);
      setCreating(false);
      setDupes([]);
      setDraft(EMPTY);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e));
      if (err.code === 'possible_duplicate' && Array.isArray(err.body.candidates))
        setDupes(err.body.candidates as Patient[]);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: MouseEvent) => {
    e.preventDefault();
    void create(false);
  };

  if (value)
    return (
      <div className="picked" data-testid="picked-patient">
        <div>
          <span className="picked-label">Patient</span>
          <strong>
            {value.lastName}, {value.firstName}
          </strong>{' '}
          <span className="mono">{value.mrn}</span> · {fmtDate(value.birthDate)} ({ageYears(value.birthDate)}{' '}
          y) · <AllergyBadge status={value.allergyStatus} />
        </div>
        <button type="button" className="btn btn-ghost" onClick={() => onChange(null)}>
          Change patient
        </button>
      </div>
    );

  return (
    <div className="picker">
      {!creating ? (
        <Combobox<Patient>
          label="Patient"
          required
          placeholder="Last name, “last, first” or MRN"
          error={error}
          search={(q, signal) =>
            api.get<Items<Patient>>('/api/patients', { q, siteId, limit: 8 }, signal).then((r) => r.items)
          }
          optionKey={(p) => p.id}
          renderOption={(p) => (
            <span className="opt">
              <strong>
                {p.lastName}, {p.firstName}
              </strong>{' '}
              <span className="muted">
                {fmtDate(p.birthDate)} · {p.mrn}
              </span>
            </span>
          )}
          onSelect={onChange}
        />
      ) : null}
      {!creating ? (
        <button type="button" className="btn btn-link" onClick={() => setCreating(true)}>
          + New patient
        </button>
      ) : (
        <fieldset className="inline-form">
          <legend>New patient</legend>
          {failure ? <ErrorBanner error={failure} /> : null}
          <div className="form-grid">
            <Field label="Last name" required error={failure?.fieldError('lastName')}>
              {(p) => (
                <input {...p} value={draft.lastName} onChange={(e) => set('lastName', e.target.value)} />
              )}
            </Field>
            <Field label="First name" required error={failure?.fieldError('firstName')}>
              {(p) => (
                <input {...p} value={draft.firstName} onChange={(e) => set('firstName', e.target.value)} />
              )}
            </Field>
            <Field label="Date of birth" required error={failure?.fieldError('birthDate')}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={draft.birthDate}
                  onChange={(e) => set('birthDate', e.target.value)}
                />
              )}
            </Field>
            <Field label="Sex" error={failure?.fieldError('sex')}>
              {(p) => (
                <select {...p} value={draft.sex} onChange={(e) => set('sex', e.target.value)}>
                  <option value="female">Female</option>
                  <option value="male">Male</option>
                  <option value="other">Other</option>
                  <option value="unknown">Unknown</option>
                </select>
              )}
            </Field>
            <Field label="Phone" error={failure?.fieldError('phone')}>
              {(p) => (
                <input {...p} type="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} />
              )}
            </Field>
          </div>
          {dupes.length ? (
            <div className="banner banner-warn" role="alert">
              <strong>This may be a patient we already have.</strong> Open the existing record, or confirm
              this is a different person.
              <ul className="dupes">
                {dupes.map((d) => (
                  <li key={d.id}>
                    {d.lastName}, {d.firstName} · {fmtDate(d.birthDate)} ·{' '}
                    <span className="mono">{d.mrn}</span>{' '}
                    <button
                      type="button"
                      className="btn btn-secondary"
                      onClick={() => {
                        onChange(d);
                        setCreating(false);
                        setDupes([]);
                      }}
                    >
                      Use existing {d.mrn}
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={busy}
                onClick={() => void create(true)}
              >
                Create anyway (different person)
              </button>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={submit}>
              Create patient
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
