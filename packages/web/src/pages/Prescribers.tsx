import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Items, Prescriber } from '../api/types';
import { useApi } from '../api/useApi';
import { Badge, Empty, ErrorBanner, Loading, PageHeader } from '../components/ui';
import { useSession } from '../session';

export default function Prescribers() {
  const { site, siteById } = useSession();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [allSites, setAllSites] = useState(false);
  const { data, error, loading } = useApi(
    (signal) => api.get<Items<Prescriber>>('/api/prescribers', { q: q || undefined }, signal),
    [q],
  );
  const rows = (data?.items ?? []).filter((p) => allSites || p.siteId === site?.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };

  return (
    <>
      <PageHeader
        title="Prescribers"
        subtitle={allSites ? 'All sites you may see' : `At ${site?.name ?? 'the selected site'}`}
      />
      <search>
        <form className="toolbar" onSubmit={submit}>
          <div className="field inline grow">
            <label htmlFor="prescriber-q">Last name or NPI</label>
            <input
              id="prescriber-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="e.g. chen  or a 10-digit NPI"
            />
          </div>
          <label className="check">
            <input type="checkbox" checked={allSites} onChange={(e) => setAllSites(e.target.checked)} /> All
            my sites
          </label>
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </form>
      </search>
      {error ? <ErrorBanner error={error} /> : null}
      {loading ? <Loading label="Searching prescribers…" /> : null}
      {data && !loading ? (
        rows.length === 0 ? (
          <Empty>{q ? `No prescribers match “${q}”.` : 'No prescribers at this site yet.'}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">Prescribers</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Credential</th>
                  <th scope="col">Specialty</th>
                  <th scope="col">NPI</th>
                  <th scope="col">DEA</th>
                  <th scope="col">State license</th>
                  <th scope="col">Site</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.lastName}, {p.firstName}{' '}
                      {p.isTestIdentifier ? (
                        <Badge tone="warn">
                          <abbr title="Identifiers are test values, not real registrations">Test IDs</abbr>
                        </Badge>
                      ) : null}
                    </td>
                    <td>{p.credential ?? '—'}</td>
                    <td>{p.specialty ?? '—'}</td>
                    <td className="mono">{p.npi}</td>
                    <td className="mono">{p.deaNumber ?? '—'}</td>
                    <td className="mono">{p.stateLicense ?? '—'}</td>
                    <td className="mono">{siteById(p.siteId)?.code ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="table-foot">
              {rows.length} prescriber{rows.length === 1 ? '' : 's'}
            </p>
          </div>
        )
      ) : null}
    </>
  );
}
