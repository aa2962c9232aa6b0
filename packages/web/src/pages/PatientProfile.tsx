import { api } from '../api/client';
import type { Patient } from '../api/types';
import { SETTING_LABELS } from '../api/types';
import { useApi } from '../api/useApi';
import { ageYears, ErrorBanner, fmtDate, fmtDateTime, Loading, PageHeader } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';
import { PatientClinical } from './PatientClinical';
import { MedicationHistory, RecordViewers } from './PatientHistory';
import { PatientNotesSection, PinnedNotes, usePatientNotes } from './PatientNotes';
import { AllergyBadge } from './Patients';

const dash = (v: string | null | undefined) => (v ? v : '—');

export default function PatientProfile({ id }: { id: string }) {
  const { siteById, sitesWith } = useSession();
  const {
    data: p,
    error,
    loading,
  } = useApi(
    (signal) => api.get<Patient>(`/api/patients/${encodeURIComponent(id)}`, undefined, signal),
    [id],
  );
  const notes = usePatientNotes(p ? p.id : null);

  if (loading) return <Loading label="Loading patient…" />;
  if (error?.status === 404)
    return (
      <>
        <PageHeader title="Patient not found" />
        <div className="banner banner-error" role="alert">
          This patient was not found. The record does not exist or belongs to a site you do not have access
          to.
        </div>
        <p>
          <Link href="/patients">← Back to patients</Link>
        </p>
      </>
    );
  if (error || !p)
    return (
      <>
        <PageHeader title="Patient" />
        <ErrorBanner error={error ?? 'No data'} />
      </>
    );
  const site = siteById(p.siteId);
  const address = [p.addressLine1, [p.city, p.state].filter(Boolean).join(', '), p.postalCode]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href="/patients">Patients</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{p.mrn}</span>
      </nav>
      <PageHeader
        title={`${p.lastName}, ${p.firstName}`}
        subtitle={
          <>
            <span className="mono">MRN {p.mrn}</span> · {fmtDate(p.birthDate)} ({ageYears(p.birthDate)} y) ·{' '}
            <span className="cap">{p.sex}</span> · <AllergyBadge status={p.allergyStatus} />
          </>
        }
      />
      <p className="notice" role="note">
        Opening this record was written to the audit trail.
      </p>
      <PinnedNotes notes={notes.data} />
      <div className="grid-2">
        <section className="card" aria-labelledby="demo-h">
          <div className="card-head">
            <h2 id="demo-h">Demographics</h2>
          </div>
          <dl className="details">
            <div>
              <dt>Last name</dt>
              <dd>{p.lastName}</dd>
            </div>
            <div>
              <dt>First name</dt>
              <dd>{p.firstName}</dd>
            </div>
            <div>
              <dt>Date of birth</dt>
              <dd>
                {fmtDate(p.birthDate)} <span className="muted">({p.birthDate})</span>
              </dd>
            </div>
            <div>
              <dt>Sex</dt>
              <dd className="cap">{p.sex}</dd>
            </div>
            <div>
              <dt>Language</dt>
              <dd>{dash(p.language)}</dd>
            </div>
            <div>
              <dt>Allergy status</dt>
              <dd>
                <AllergyBadge status={p.allergyStatus} />
              </dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="contact-h">
          <div className="card-head">
            <h2 id="contact-h">Contact &amp; record</h2>
          </div>
          <dl className="details">
            <div>
              <dt>Phone</dt>
              <dd>{dash(p.phone)}</dd>
            </div>
            <div>
              <dt>Address</dt>
              <dd>{dash(address)}</dd>
            </div>
            <div>
              <dt>Site</dt>
              <dd>
                {site
                  ? `${site.code} — ${site.name} (${SETTING_LABELS[site.settingType] ?? site.settingType})`
                  : p.siteId}
              </dd>
            </div>
            <div>
              <dt>Record version</dt>
              <dd>{p.version}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{fmtDateTime(p.createdAt)}</dd>
            </div>
            <div>
              <dt>Last updated</dt>
              <dd>{fmtDateTime(p.updatedAt)}</dd>
            </div>
          </dl>
        </section>
      </div>
      <PatientClinical patient={p} canWrite={sitesWith('patients.write').some((s) => s.id === p.siteId)} />
      <PatientNotesSection
        patientId={p.id}
        notes={notes}
        canWrite={sitesWith('patients.notes.write').some((s) => s.id === p.siteId)}
      />
      {sitesWith('prescriptions.read').some((s) => s.id === p.siteId) ? (
        <MedicationHistory patient={p} />
      ) : null}
      {sitesWith('audit.read').some((s) => s.id === p.siteId) ? <RecordViewers patient={p} /> : null}
    </>
  );
}
