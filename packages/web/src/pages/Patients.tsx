import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Items, Patient } from '../api/types';
import { useApi } from '../api/useApi';
import { ageYears, Badge, Empty, ErrorBanner, fmtDate, Loading, PageHeader } from '../components/ui';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

const ALLERGY: Record<string, { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  nka: { text: 'NKA', tone: 'ok' },
  has_allergies: { text: 'Allergies', tone: 'bad' },
  unknown: { text: 'Not recorded', tone: 'warn' },
};

export function AllergyBadge({ status }: { status: string }) {
  const a = ALLERGY[status] ?? { text: status, tone: 'warn' as const };
  return <Badge tone={a.tone}>{a.text}</Badge>;
}

export default function Patients() {
  const { site, sitesWith, siteById } = useSession();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const scope = query.get('scope') === 'all' ? 'all' : 'site';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const multi = sitesWith('patients.read').length > 1;

  const { data, error, loading } = useApi(
    (signal) =>
      api.get<Items<Patient>>(
        '/api/patients',
        { q: q || undefined, siteId: scope === 'site' ? site?.id : undefined, limit: 100 },
        signal,
      ),
    [q, scope, site?.id],
  );

  const go = (nq: string, nscope: string) => {
    const p = new URLSearchParams();
    if (nq) p.set('q', nq);
    if (nscope === 'all') p.set('scope', 'all');
    const s = p.toString();
    navigate(s ? `/patients?${s}` : '/patients');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(text.trim(), scope);
  };

  return (
    <>
      <PageHeader
        title="Patients"
        subtitle={`${q ? `Matching “${q}” ` : ''}${scope === 'all' ? 'across all sites you may see' : `at ${site?.name ?? 'the selected site'}`}`}
      />
      <search>
        <form className="toolbar" onSubmit={submit}>
          <div className="field inline grow">
            <label htmlFor="patient-q">Name or MRN</label>
            <input
              id="patient-q"
              type="search"
              value={text}
              placeholder="e.g. smith, jo  or  HOSP1-1001"
              onChange={(e) => setText(e.target.value)}
              aria-describedby="patient-q-hint"
            />
          </div>
          {multi ? (
            <div className="field inline">
              <label htmlFor="patient-scope">Sites</label>
              <select id="patient-scope" value={scope} onChange={(e) => go(q, e.target.value)}>
                <option value="site">{site?.code ?? 'This site'} only</option>
                <option value="all">All my sites</option>
              </select>
            </div>
          ) : null}
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </form>
      </search>
      <p id="patient-q-hint" className="hint">
        Last-name prefix, “last, first” or a medical record number.
      </p>
      {error ? <ErrorBanner error={error} /> : null}
      {loading ? <Loading label="Searching patients…" /> : null}
      {data && !loading ? (
        data.items.length === 0 ? (
          <Empty>{q ? `No patients match “${q}”.` : 'No patients at this site yet.'}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">Patients{q ? ` matching ${q}` : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">MRN</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">Sex</th>
                  <th scope="col">Allergies</th>
                  <th scope="col">Site</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/patients/${p.id}`}>
                        {p.lastName}, {p.firstName}
                      </Link>
                    </td>
                    <td className="mono">{p.mrn}</td>
                    <td className="nowrap">
                      {fmtDate(p.birthDate)} <span className="muted">({ageYears(p.birthDate)} y)</span>
                    </td>
                    <td className="cap">{p.sex}</td>
                    <td>
                      <AllergyBadge status={p.allergyStatus} />
                    </td>
                    <td className="mono">{siteById(p.siteId)?.code ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="table-foot" role="status">
              {data.items.length} patient{data.items.length === 1 ? '' : 's'}
              {data.items.length === 100 ? ' (first 100 — refine the search)' : ''}
            </p>
          </div>
        )
      ) : null}
    </>
  );
}
