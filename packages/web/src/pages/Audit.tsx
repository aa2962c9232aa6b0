import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { AuditEntry, AuditVerify, Items, User } from '../api/types';
import { useApi } from '../api/useApi';
import { Empty, ErrorBanner, fmtDateTime, Loading, PageHeader } from '../components/ui';
import { useSession } from '../session';

const PAGE = 50;

function VerifyChain() {
  const [result, setResult] = useState<AuditVerify>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api.post<AuditVerify>('/api/audit/verify'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="verify">
      <button type="button" className="btn btn-secondary" onClick={verify} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify chain'}
      </button>
      <div aria-live="polite" className="verify-result">
        {result?.ok ? (
          <span className="banner banner-ok inline-banner" data-testid="verify-result">
            ✓ Chain intact: {result.entries} entries verified (head #{result.headSeq})
          </span>
        ) : null}
        {result && !result.ok ? (
          <span className="banner banner-error inline-banner" data-testid="verify-result">
            ✗ Chain broken at entry #{result.firstProblem?.seq}: {result.firstProblem?.reason}
          </span>
        ) : null}
        {error ? <ErrorBanner error={error} /> : null}
      </div>
    </div>
  );
}

export default function Audit() {
  const { siteById, sitesWith } = useSession();
  const [filters, setFilters] = useState({ action: '', entityType: '' });
  const [draft, setDraft] = useState(filters);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [moreError, setMoreError] = useState<ApiError>();
  const canVerify = sitesWith('audit.verify').length > 0;

  const { data, error, loading, reload } = useApi(
    (signal) => api.get<Items<AuditEntry>>('/api/audit', { ...filters, limit: PAGE }, signal),
    [filters],
  );
  // User names are a nicety: auditors and admins may list users, others just see ids.
  const users = useApi(
    (signal) =>
      sitesWith('users.read').length
        ? api.get<Items<User>>('/api/users', undefined, signal)
        : Promise.resolve({ items: [] as User[] }),
    [],
  );
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
  const rows = [...(data?.items ?? []), ...older];
  const last = rows[rows.length - 1];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOlder([]);
    setFilters({ action: draft.action.trim(), entityType: draft.entityType.trim() });
  };
  async function loadMore() {
    if (!last) return;
    try {
      const r = await api.get<Items<AuditEntry>>('/api/audit', {
        ...filters,
        beforeSeq: last.seq,
        limit: PAGE,
      });
      setOlder((o) => [...o, ...r.items]);
    } catch (e) {
      setMoreError(e instanceof ApiError ? e : undefined);
    }
  }

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Tamper-evident log of every change and every patient-record read, newest first"
        actions={canVerify ? <VerifyChain /> : null}
      />
      <form className="toolbar" onSubmit={submit} aria-label="Filter audit entries">
        <div className="field inline">
          <label htmlFor="audit-action">Action</label>
          <input
            id="audit-action"
            value={draft.action}
            placeholder="e.g. patient.read"
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
        </div>
        <div className="field inline">
          <label htmlFor="audit-entity">Entity type</label>
          <input
            id="audit-entity"
            value={draft.entityType}
            placeholder="e.g. patient"
            onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          Filter
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setOlder([]);
            reload();
          }}
        >
          Refresh
        </button>
      </form>
      {error ? <ErrorBanner error={error} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && rows.length === 0 ? <Empty>No audit entries match.</Empty> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Audit entries</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">Site</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.seq}>
                  <td className="num mono">{e.seq}</td>
                  <td className="nowrap">{fmtDateTime(e.occurredAt)}</td>
                  <td>
                    {e.userId ? (
                      (names.get(e.userId) ?? <span className="mono">{e.userId.slice(0, 8)}</span>)
                    ) : (
                      <span className="muted">system</span>
                    )}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.entityType}
                    {e.entityId ? <span className="mono muted"> {e.entityId.slice(0, 8)}</span> : null}
                  </td>
                  <td className="mono">{e.siteId ? (siteById(e.siteId)?.code ?? '—') : '—'}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="table-foot">
            <span>{rows.length} entries shown</span>
            {data && data.items.length === PAGE && (older.length === 0 || older.length % PAGE === 0) ? (
              <button type="button" className="btn btn-secondary" onClick={loadMore}>
                Load older
              </button>
            ) : null}
          </div>
          {moreError ? <ErrorBanner error={moreError} /> : null}
        </div>
      ) : null}
    </>
  );
}
