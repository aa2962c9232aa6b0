import { api } from '../api/client';
import type { Items, Site } from '../api/types';
import { roleLabel, SETTING_LABELS } from '../api/types';
import { useApi } from '../api/useApi';
import { Badge, ErrorBanner, Loading, PageHeader } from '../components/ui';
import { useSession } from '../session';

export default function Sites() {
  const { site: current, siteById } = useSession();
  const { data, error, loading } = useApi(
    (signal) => api.get<Items<Site>>('/api/sites', undefined, signal),
    [],
  );
  return (
    <>
      <PageHeader title="Sites" subtitle="Pharmacies and facilities you work at" />
      {error ? <ErrorBanner error={error} /> : null}
      {loading ? <Loading /> : null}
      {data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Sites</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col">Setting</th>
                <th scope="col">Location</th>
                <th scope="col">NCPDP</th>
                <th scope="col">NPI</th>
                <th scope="col">DEA</th>
                <th scope="col">Time zone</th>
                <th scope="col">Your roles</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.id} className={s.id === current?.id ? 'row-current' : undefined}>
                  <td className="mono">{s.code}</td>
                  <td>
                    {s.name} {s.id === current?.id ? <Badge tone="info">Selected</Badge> : null}
                  </td>
                  <td>{SETTING_LABELS[s.settingType] ?? s.settingType}</td>
                  <td>{[s.city, s.state].filter(Boolean).join(', ') || '—'}</td>
                  <td className="mono">{s.ncpdpId ?? '—'}</td>
                  <td className="mono">{s.npi ?? '—'}</td>
                  <td className="mono">{s.deaNumber ?? '—'}</td>
                  <td>{s.timeZone}</td>
                  <td>{siteById(s.id)?.roles.map(roleLabel).join(', ') ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="table-foot">
            {data.items.length} site{data.items.length === 1 ? '' : 's'}
          </p>
        </div>
      ) : null}
    </>
  );
}
