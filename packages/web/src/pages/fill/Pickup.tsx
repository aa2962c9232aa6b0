import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { SignaturePad } from '../../components/SignaturePad';
import { ErrorBanner, Field, fmtDate } from '../../components/ui';
import { act, type FillBundle } from './data';

/** Pickup: the person states the patient's date of birth, signs, and accepts or declines counseling. */
export function Pickup({
  bundle,
  canSell,
  onChanged,
}: {
  bundle: FillBundle;
  canSell: boolean;
  onChanged: () => void;
}) {
  const { fill, prescription: rx } = bundle.detail;
  const patient = bundle.patient;
  const [dob, setDob] = useState('');
  const [pickedUpBy, setPickedUpBy] = useState('');
  const [idType, setIdType] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [counseling, setCounseling] = useState<'accepted' | 'declined' | ''>('');
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const controlled = Boolean(rx.schedule);
  const dobMatches = Boolean(patient && dob === patient.birthDate);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!patient) return;
    const missing: { field: string; reason: string }[] = [];
    if (!dob) missing.push({ field: 'birthDateConfirmed', reason: 'ask for the patient’s date of birth' });
    if (!signature) missing.push({ field: 'signature', reason: 'sign on the pad or type the full name' });
    if (!counseling)
      missing.push({ field: 'counseling', reason: 'record whether counseling was accepted or declined' });
    if (missing.length) {
      setFailure(new ApiError(400, 'validation_failed', 'Complete the pickup record', missing));
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await act(fill.id, 'sell', {
        pickup: {
          patientId: patient.id,
          birthDateConfirmed: dob,
          ...(pickedUpBy.trim() ? { pickedUpBy: pickedUpBy.trim() } : {}),
          ...(idType.trim() ? { idType: idType.trim() } : {}),
          ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}),
          signature,
          counseling,
        },
      });
      onChanged();
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const fe = (f: string) => failure?.fieldError(f);
  return (
    <section className="card pickup" aria-labelledby="pickup-h">
      <h2 id="pickup-h">Pickup</h2>
      {patient ? (
        <p className="pickup-who">
          Bag for <strong>{`${patient.lastName}, ${patient.firstName}`}</strong> · Rx {rx.rx_number}-
          {fill.fill_number}
        </p>
      ) : (
        <ErrorBanner error="This prescription has no patient; it cannot be sold." />
      )}
      {failure ? <ErrorBanner error={failure} title="Not sold" /> : null}
      {canSell && patient ? (
        <form onSubmit={submit}>
          <div className="form-grid">
            <Field
              label="Date of birth stated by the customer"
              required
              error={fe('birthDateConfirmed')}
              hint={
                dob
                  ? dobMatches
                    ? '✓ Matches the patient record'
                    : '✕ Does not match the patient record'
                  : 'Ask; do not read it out'
              }
            >
              {(p) => <input {...p} type="date" value={dob} onChange={(e) => setDob(e.target.value)} />}
            </Field>
            <Field label="Picked up by" error={fe('pickedUpBy')} hint="Leave blank if the patient">
              {(p) => <input {...p} value={pickedUpBy} onChange={(e) => setPickedUpBy(e.target.value)} />}
            </Field>
            <Field label="ID type" required={controlled} error={fe('idType')}>
              {(p) => (
                <input
                  {...p}
                  value={idType}
                  onChange={(e) => setIdType(e.target.value)}
                  placeholder="e.g. driver’s license"
                />
              )}
            </Field>
            <Field
              label="ID number"
              required={controlled}
              error={fe('idNumber')}
              hint={controlled ? `${rx.schedule}: photo ID required` : undefined}
            >
              {(p) => <input {...p} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />}
            </Field>
          </div>
          <SignaturePad onChange={setSignature} label="Customer signature" />
          {fe('signature') ? <p className="field-error">{fe('signature')}</p> : null}
          <fieldset className="radios">
            <legend className="required">Counseling (offered by the pharmacist)</legend>
            <label className="check">
              <input
                type="radio"
                name="counseling"
                checked={counseling === 'accepted'}
                onChange={() => setCounseling('accepted')}
              />{' '}
              Accepted
            </label>
            <label className="check">
              <input
                type="radio"
                name="counseling"
                checked={counseling === 'declined'}
                onChange={() => setCounseling('declined')}
              />{' '}
              Declined
            </label>
            {fe('counseling') ? <p className="field-error">{fe('counseling')}</p> : null}
          </fieldset>
          <button type="submit" className="btn btn-primary btn-large" disabled={busy}>
            {busy ? 'Recording…' : 'Sell'}
          </button>
        </form>
      ) : null}
      {patient && !canSell ? <p className="hint">Patient DOB on file: {fmtDate(patient.birthDate)}</p> : null}
    </section>
  );
}
