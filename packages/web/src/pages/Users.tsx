import { useState } from 'react';
import { api } from '../api/client';
import type { Items, User } from '../api/types';
import { roleLabel } from '../api/types';
import { useApi } from '../api/useApi';
import { Badge, ErrorBanner, fmtDateTime, Loading, PageHeader } from '../components/ui';
import { useSession } from '../session';
import { UserForm } from './UserForm';

export default function Users() {
  const { me, sitesWith, siteById } = useSession();
  const groupRoles = (u: User, total: number): [string, string][] => {
    const by = new Map<string, string[]>();
    for (const r of u.roles) by.set(r.role, [...(by.get(r.role) ?? []), siteById(r.siteId)?.code ?? '?']);
    return [...by.entries()].map(([role, codes]) => [
      role,
      codes.length === total && total > 1 ? `all ${total} sites` : codes.sort().join(', '),
    ]);
  };
  const canManage = sitesWith('users.manage').length > 0;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<User>();
  const { data, error, loading, reload } = useApi(
    (signal) => api.get<Items<User>>('/api/users', undefined, signal),
    [],
  );

  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Accounts and their roles at the sites you may see"
        actions={
          canManage && !creating ? (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New user
            </button>
          ) : null
        }
      />
      {created ? (
        <div className="banner banner-ok" role="status">
          User <strong>{created.username}</strong> was created.
        </div>
      ) : null}
      {creating ? (
        <UserForm
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            setCreated(u);
            setCreating(false);
            reload();
          }}
        />
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Users</caption>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">CS privileges</th>
                <th scope="col">Roles at sites</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((u) => {
                const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
                return (
                  <tr key={u.id}>
                    <td className="mono">{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>
                      {!u.isActive ? (
                        <Badge tone="neutral">Inactive</Badge>
                      ) : locked ? (
                        <Badge tone="bad">Locked until {fmtDateTime(u.lockedUntil ?? '')}</Badge>
                      ) : (
                        <Badge tone="ok">Active</Badge>
                      )}
                    </td>
                    <td>{u.csPrivileges === 'none' ? '—' : u.csPrivileges}</td>
                    <td>
                      <ul className="chips">
                        {groupRoles(u, me.sites.length).map(([role, where]) => (
                          <li key={role} className="chip">
                            <strong>{roleLabel(role)}</strong> <span className="muted">{where}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="table-foot">
            {data.items.length} user{data.items.length === 1 ? '' : 's'}
          </p>
        </div>
      ) : null}
    </>
  );
}
