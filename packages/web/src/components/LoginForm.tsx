import { type FormEvent, useState } from 'react';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { LoginResponse } from '../api/types';
import { Field } from './ui';

interface Props {
  initialUsername?: string;
  lockUsername?: boolean;
  submitLabel?: string;
  onSuccess: (res: LoginResponse, username: string) => void | Promise<void>;
  autoFocusPassword?: boolean;
}

/** Username/password form; shows the server's problem detail (wrong password, lockout, rate limit). */
export function LoginForm({
  initialUsername = '',
  lockUsername,
  submitLabel = 'Sign in',
  onSuccess,
  autoFocusPassword,
}: Props) {
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<LoginResponse>(
        '/api/auth/login',
        { username: username.trim(), password },
        { noRelogin: true },
      );
      setCsrfToken(res.csrfToken);
      setPassword('');
      await onSuccess(res, username.trim());
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const tone = error?.code === 'account_locked' || error?.status === 429 ? 'banner-warn' : 'banner-error';
  return (
    <form className="login-form" onSubmit={submit} noValidate={false}>
      {error ? (
        <div className={`banner ${tone}`} role="alert" data-code={error.code}>
          {error.detail}
        </div>
      ) : null}
      <Field label="Username" error={error?.fieldError('username')} required>
        {(p) => (
          <input
            {...p}
            name="username"
            autoComplete="username"
            value={username}
            readOnly={lockUsername}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </Field>
      <Field label="Password" error={error?.fieldError('password')} required>
        {(p) => (
          <input
            {...p}
            name="password"
            type="password"
            autoComplete="current-password"
            // The re-login dialog exists only to take the password: Modal focuses this field on open.
            data-autofocus={autoFocusPassword ? '' : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}
