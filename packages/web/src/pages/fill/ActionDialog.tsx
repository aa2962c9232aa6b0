import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { ACTION_LABELS } from '../../api/rx';
import { Modal } from '../../components/Modal';
import { ErrorBanner, Field } from '../../components/ui';
import { act } from './data';

/** Extra inputs an action needs besides its reason. */
type Kind = 'reason' | 'password' | 'clarify' | 'answer' | 'payment' | 'none';

export function kindOf(action: string, needsReason: boolean): Kind {
  if (action === 'verify_final') return 'password';
  if (action === 'request_clarification') return 'clarify';
  if (action === 'resolve_clarification') return 'answer';
  if (action === 'adjudicate') return 'payment';
  return needsReason ? 'reason' : 'none';
}

/** Confirms one workflow step, collecting its reason, e-signature password or clarification. */
export function ActionDialog({
  fillId,
  action,
  kind,
  onClose,
  onDone,
}: {
  fillId: string;
  action: string;
  kind: Kind;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [channel, setChannel] = useState('phone');
  const [contact, setContact] = useState('');
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const label = ACTION_LABELS[action] ?? action;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const body: Record<string, unknown> = {};
      if (kind === 'password') body.password = password;
      if (kind === 'reason') body.reason = reason.trim();
      if (kind === 'clarify') {
        body.reason = reason.trim();
        body.clarification = {
          channel,
          ...(contact.trim() ? { contact: contact.trim() } : {}),
          question: reason.trim(),
        };
      }
      if (kind === 'answer') body.answer = reason.trim();
      if (kind === 'payment') body.payment = channel === 'claim' ? 'claim' : 'cash';
      await act(fillId, action, body);
      onDone();
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
      setBusy(false);
    }
  }

  const reasonLabel =
    kind === 'clarify' ? 'Question for the prescriber' : kind === 'answer' ? 'Prescriber’s answer' : 'Reason';
  return (
    <Modal title={kind === 'password' ? 'Sign final verification' : label} onClose={onClose}>
      <form onSubmit={submit}>
        {failure ? (
          <ErrorBanner
            error={failure}
            title={failure.code === 'esign_failed' ? 'Signature refused' : 'Not done'}
          />
        ) : null}
        {kind === 'password' ? (
          <>
            <p>
              By signing you confirm that you checked the filled product against the prescription (electronic
              signature, 21 CFR Part 11). Re-enter your password.
            </p>
            <Field label="Password" required error={failure?.fieldError('password')}>
              {(p) => (
                <input
                  {...p}
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  data-autofocus
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        {kind === 'clarify' ? (
          <div className="form-grid">
            <Field label="Channel">
              {(p) => (
                <select {...p} value={channel} onChange={(e) => setChannel(e.target.value)}>
                  <option value="phone">Phone</option>
                  <option value="fax">Fax</option>
                  <option value="erx">e-Prescribing message</option>
                  <option value="in_person">In person</option>
                </select>
              )}
            </Field>
            <Field label="Contact">
              {(p) => <input {...p} value={contact} onChange={(e) => setContact(e.target.value)} />}
            </Field>
          </div>
        ) : null}
        {kind === 'reason' || kind === 'clarify' || kind === 'answer' ? (
          <Field
            label={reasonLabel}
            required
            error={failure?.fieldError('reason') ?? failure?.fieldError('answer')}
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                data-autofocus
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {kind === 'none' ? <p>Confirm: {label.toLowerCase()}.</p> : null}
        {kind === 'payment' ? (
          <fieldset className="radios">
            <legend>Payment</legend>
            <label className="check">
              <input
                type="radio"
                name="payment"
                checked={channel !== 'claim'}
                onChange={() => setChannel('cash')}
              />{' '}
              Cash
            </label>
            <label className="check">
              <input
                type="radio"
                name="payment"
                checked={channel === 'claim'}
                onChange={() => setChannel('claim')}
              />{' '}
              Bill the plan (the claim must be paid)
            </label>
          </fieldset>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {kind === 'password' ? 'Sign and verify' : label}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Back
          </button>
        </div>
      </form>
    </Modal>
  );
}
