import { type FormEvent, type ReactNode, useState } from 'react';
import type { ApiError } from '../api/client';
import { Modal } from './Modal';
import { asApiError, RefusalBanner } from './Refusal';
import { Field } from './ui';

/**
 * Electronic signature (21 CFR 11.200(a)(1)): the signer re-enters their password at the moment of signing, as
 * final verification does. The form does not validate in the browser (`noValidate`) on purpose: an unsigned
 * submission goes to the server, which refuses it, and the refusal is explained here (the server enforces).
 */
export function ESignDialog({
  title,
  statement,
  signLabel,
  children,
  onSign,
  onClose,
}: {
  title: string;
  statement: ReactNode;
  signLabel: string;
  /** Extra fields signed together with the record (e.g. the resolution); given the server's refusal, if any. */
  children?: (failure: ApiError | undefined) => ReactNode;
  onSign: (password: string) => Promise<void>;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await onSign(password);
    } catch (err) {
      setFailure(asApiError(err));
      setBusy(false);
    }
  }
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {failure ? <RefusalBanner error={failure} /> : null}
        {children?.(failure)}
        <p>{statement}</p>
        <Field label="Password" required error={failure?.fieldError('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              name="password"
              autoComplete="current-password"
              data-autofocus={children ? undefined : true}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {signLabel}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Back
          </button>
        </div>
      </form>
    </Modal>
  );
}
