import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api/client';
import { ROLES, type Role, roleLabel, type User } from '../api/types';
import { ErrorBanner, Field } from '../components/ui';
import { useSession } from '../session';

interface RoleRow {
  key: number;
  siteId: string;
  role: Role;
}

let rowKey = 0;

/** Create a local user with roles at sites the admin manages; server field errors appear next to fields. */
export function UserForm({ onCreated, onCancel }: { onCreated: (u: User) => void; onCancel: () => void }) {
  const { sitesWith, site } = useSession();
  const manageable = sitesWith('users.manage');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [csPrivileges, setCs] = useState('none');
  const [clearance, setClearance] = useState('0');
  const [roles, setRoles] = useState<RoleRow[]>([
    {
      key: ++rowKey,
      siteId: site && manageable.some((s) => s.id === site.id) ? site.id : (manageable[0]?.id ?? ''),
      role: 'technician',
    },
  ]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const fe = (f: string) =>
    error?.fieldError(f) ??
    (f === 'username' && error?.code === 'username_taken' ? 'is already used' : undefined);
  const setRow = (key: number, patch: Partial<RoleRow>) =>
    setRoles((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const u = await api.post<User>('/api/users', {
        username: username.trim(),
        displayName: displayName.trim(),
        password,
        csPrivileges,
        clearanceLevel: Number(clearance),
        roles: roles.map(({ siteId, role }) => ({ siteId, role })),
      });
      onCreated(u);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby="new-user-h" noValidate>
      <div className="card-head">
        <h2 id="new-user-h">New user</h2>
      </div>
      {error ? <ErrorBanner error={error} title="The user was not created" /> : null}
      <div className="form-grid">
        <Field
          label="Username"
          required
          error={fe('username')}
          hint="3–40 characters: a–z, 0–9, dot, dash, underscore"
        >
          {(p) => (
            <input
              {...p}
              name="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Display name" required error={fe('displayName')} hint="Printed on e-signatures">
          {(p) => (
            <input
              {...p}
              name="displayName"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Initial password" required error={fe('password')} hint="At least 10 characters">
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field label="Controlled-substance privileges" error={fe('csPrivileges')}>
          {(p) => (
            <select {...p} name="csPrivileges" value={csPrivileges} onChange={(e) => setCs(e.target.value)}>
              <option value="none">None</option>
              <option value="CIII-V">Schedules III–V</option>
              <option value="CII-V">Schedules II–V</option>
            </select>
          )}
        </Field>
        <Field label="Clearance level" error={fe('clearanceLevel')} hint="0–5 (federal settings)">
          {(p) => (
            <input
              {...p}
              name="clearanceLevel"
              type="number"
              min={0}
              max={5}
              value={clearance}
              onChange={(e) => setClearance(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="roles-fieldset">
        <legend>Roles at sites</legend>
        {fe('roles') ? <p className="field-error">{fe('roles')}</p> : null}
        {roles.map((r, i) => (
          <div className="role-row" key={r.key}>
            <Field label={`Site ${i + 1}`} error={error?.fieldError(`roles.${i}.siteId`)}>
              {(p) => (
                <select {...p} value={r.siteId} onChange={(e) => setRow(r.key, { siteId: e.target.value })}>
                  {manageable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.code} — {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={`Role ${i + 1}`} error={error?.fieldError(`roles.${i}.role`)}>
              {(p) => (
                <select
                  {...p}
                  value={r.role}
                  onChange={(e) => setRow(r.key, { role: e.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roleLabel(role)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setRoles((rs) => rs.filter((x) => x.key !== r.key))}
              disabled={roles.length === 1}
              aria-label={`Remove role ${i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() =>
            setRoles((rs) => [...rs, { key: ++rowKey, siteId: manageable[0]?.id ?? '', role: 'technician' }])
          }
        >
          Add role
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
