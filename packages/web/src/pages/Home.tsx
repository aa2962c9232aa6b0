import { api } from '../api/client';
import type { AuditEntry, Items, MeSite, Patient } from '../api/types';
import { roleLabel, SETTING_LABELS } from '../api/types';
import { useApi } from '../api/useApi';
import { Badge, ErrorBanner, fmtDateTime, Loading, PageHeader } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';
import { Dashboard } from './dashboard/Dashboard';

const COUNT_CAP = 200;

/** Patients per site; the search endpoint caps a page at 200, so larger sites read "200+". */
function usePatientCounts(sites: MeSite[]) {
  return useApi(
    async (signal) => {
      const counts = await Promise.all(
        sites.map((s) =>
          api
            .get<Items<Patient>>('/api/patients', { siteId: s.id, limit: COUNT_CAP }, signal)
            .then((r) => r.items.length),
        ),
      );
      return new Map(sites.map((s, i) => [s.id, counts[i] ?? 0]));
    },
    [sites.map((s) => s.id).join()],
  );
}

const countText = (n: number | undefined) =>
  n === undefined ? '—' : n >= COUNT_CAP ? `${COUNT_CAP}+` : String(n);

function RecentActivity({ siteId }: { siteId: string }) {
  const { data, error, loading } = useApi(
    (signal) => api.get<Items<AuditEntry>>('/api/audit', { limit: 8 }, signal),
    [siteId],
  );
  return (
    <section className="card" aria-labelledby="recent-h">
      <div className="card-head">
        <h2 id="recent-h">Recent activity</h2>
        <Link href="/audit">Audit trail →</Link>
      </div>
      {loading ? <Loading /> : null}
      {error ? <ErrorBanner error={error} /> : null}
      {data ? (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((e) => (
              <tr key={e.seq}>
                <td className="nowrap">{fmtDateTime(e.occurredAt)}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.entityType}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export default function Home() {
  const { me, site, can, sitesWith, selectSite } = useSession();
  const patientSites = sitesWith('patients.read');
  const counts = usePatientCounts(patientSites);
  if (!site)
    return <PageHeader title="Home" subtitle="Your account has no site assignments. Ask an administrator." />;
  const perms = me.permissions[site.id] ?? [];
  const total = [...(counts.data?.values() ?? [])].reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title={site.name}
        subtitle={
          <>
            <Badge tone="info">{SETTING_LABELS[site.settingType] ?? site.settingType}</Badge>{' '}
            <span className="mono">{site.code}</span> · Signed in as {me.user.displayName} (
            {site.roles.map(roleLabel).join(', ')})
          </>
        }
      />
      <div className="stats">
        {can('patients.read') ? (
          <Link className="stat" href="/patients">
            <span className="stat-value">{counts.loading ? '…' : countText(counts.data?.get(site.id))}</span>
            <span className="stat-label">Patients at {site.code}</span>
          </Link>
        ) : null}
        {patientSites.length > 1 ? (
          <div className="stat">
            <span className="stat-value">{counts.loading ? '…' : countText(total)}</span>
            <span className="stat-label">Patients across {patientSites.length} sites</span>
          </div>
        ) : null}
        <div className="stat">
          <span className="stat-value">{me.sites.length}</span>
          <span className="stat-label">
            {me.sites.length === 1 ? 'Site you work at' : 'Sites you work at'}
          </span>
        </div>
        <div className="stat">
          <span className="stat-value">{perms.length}</span>
          <span className="stat-label">Permissions at {site.code}</span>
        </div>
      </div>
      {counts.error ? <ErrorBanner error={counts.error} title="Patient counts" /> : null}
      <Dashboard siteId={site.id} />
      <div className="home-grid">
        <section className="card" aria-labelledby="sites-h">
          <div className="card-head">
            <h2 id="sites-h">Your sites</h2>
          </div>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Site</th>
                <th scope="col">Setting</th>
                <th scope="col">Your roles</th>
                {patientSites.length ? (
                  <th scope="col" className="num">
                    Patients
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {me.sites.map((s) => (
                <tr key={s.id} className={s.id === site.id ? 'row-current' : undefined}>
                  <td className="mono">{s.code}</td>
                  <td>
                    {s.id === site.id ? (
                      <strong>{s.name}</strong>
                    ) : (
                      <button type="button" className="btn-link" onClick={() => selectSite(s.id)}>
                        {s.name}
                      </button>
                    )}
                  </td>
                  <td>{SETTING_LABELS[s.settingType] ?? s.settingType}</td>
                  <td>{s.roles.map(roleLabel).join(', ')}</td>
                  {patientSites.length ? <td className="num">{countText(counts.data?.get(s.id))}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {can('audit.read') ? (
          <RecentActivity siteId={site.id} />
        ) : (
          <section className="card" aria-labelledby="perm-h">
            <div className="card-head">
              <h2 id="perm-h">What you can do at {site.code}</h2>
            </div>
            <ul className="perm-list">
              {perms.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
