import type { ReactNode } from 'react';
import type { Prescription } from '../../api/rx';
import type { Patient, Prescriber } from '../../api/types';
import { fmtDate } from '../../components/ui';
import { AllergyBadge } from '../Patients';

const ORIGIN: Record<string, string> = {
  written: 'Written (paper)',
  phone: 'Telephone',
  fax: 'Fax',
  transfer_in: 'Transfer in',
  erx: 'e-Prescription',
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children ?? '—'}</dd>
  </div>
);

/**
 * The original as received: the scanned image or PDF (served by GET /api/documents/:id, the read is audited) beside
 * the prescription as written and the e-prescription / transfer fields.
 */
export function OriginalPanel({
  rx,
  patient,
  prescriber,
}: {
  rx: Prescription;
  patient: Patient | null;
  prescriber: Prescriber | null;
}) {
  const t = rx.transfer as Record<string, string | number> | null;
  return (
    <section className="card original" aria-labelledby="orig-h">
      <h2 id="orig-h">Original prescription</h2>
      <div className="rx-paper">
        <dl className="details">
          <Row label="Received as">{ORIGIN[rx.origin] ?? rx.origin}</Row>
          <Row label="Written">{fmtDate(rx.written_date)}</Row>
          <Row label="Patient">
            {patient ? (
              <>
                {patient.lastName}, {patient.firstName} · DOB {fmtDate(patient.birthDate)}{' '}
                <AllergyBadge status={patient.allergyStatus} />
              </>
            ) : (
              <span className="field-error">Not matched</span>
            )}
          </Row>
          <Row label="Prescriber">
            {prescriber ? (
              <>
                {prescriber.lastName}, {prescriber.firstName} {prescriber.credential ?? ''} · NPI{' '}
                <span className="mono">{prescriber.npi}</span>
                {prescriber.deaNumber ? (
                  <>
                    {' '}
                    · DEA <span className="mono">{prescriber.deaNumber}</span>
                  </>
                ) : null}
              </>
            ) : (
              <span className="field-error">Not matched</span>
            )}
          </Row>
          <Row label="Drug as written">
            <strong data-testid="as-written">{rx.drug_description}</strong>
          </Row>
          <Row label="Refills authorized">{rx.refills_authorized}</Row>
          <Row label="Expires">{rx.expires_on ? fmtDate(rx.expires_on) : '—'}</Row>
          {rx.erx_message_id ? <Row label="e-Rx message">{rx.erx_message_id}</Row> : null}
          {rx.notes ? <Row label="Notes">{rx.notes}</Row> : null}
          {t ? (
            <Row label="Transferred from">
              {String(t.pharmacyName ?? '')} · Rx {String(t.originalRxNumber ?? '')} ·{' '}
              {String(t.transferringPharmacist ?? '')} · {String(t.refillsRemaining ?? '')} refills left
            </Row>
          ) : null}
        </dl>
      </div>
      {rx.document_id ? (
        <figure className="rx-scan">
          <object
            data={`/api/documents/${rx.document_id}`}
            aria-label="Scanned original prescription"
            className="rx-scan-view"
          >
            <a href={`/api/documents/${rx.document_id}`} target="_blank" rel="noreferrer">
              Open the scanned original
            </a>
          </object>
          <figcaption>
            Scanned original ·{' '}
            <a href={`/api/documents/${rx.document_id}`} target="_blank" rel="noreferrer">
              open full size
            </a>
          </figcaption>
        </figure>
      ) : (
        <p className="hint">No scanned original was attached at intake.</p>
      )}
    </section>
  );
}
