import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Fill, Prescription } from '../api/rx';
import type { Items, Patient, Prescriber } from '../api/types';
import { Combobox } from '../components/Combobox';
import { PatientPicker } from '../components/PatientPicker';
import { PrescriberPicker } from '../components/PrescriberPicker';
import { ErrorBanner, Field, PageHeader } from '../components/ui';
import { navigate } from '../router';
import { useSession } from '../session';

const ORIGINS = [
  ['written', 'Written (paper)'],
  ['phone', 'Telephone'],
  ['fax', 'Fax'],
  ['transfer_in', 'Transfer in'],
] as const;
const DOC_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];
const MAX_DOC = 5 * 1024 * 1024;

interface Doc {
  contentType: string;
  filename: string;
  base64: string;
  dataUrl: string;
}

function readFile(file: File): Promise<Doc> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error);
    r.onload = () => {
      const dataUrl = String(r.result);
      resolve({
        contentType: file.type,
        filename: file.name,
        base64: dataUrl.slice(dataUrl.indexOf(',') + 1),
        dataUrl,
      });
    };
    r.readAsDataURL(file);
  });
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export default function NewPrescription() {
  const { site } = useSession();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [prescriber, setPrescriber] = useState<Prescriber | null>(null);
  const [origin, setOrigin] = useState('written');
  const [drug, setDrug] = useState('');
  const [sigText, setSigText] = useState('');
  const [quantity, setQuantity] = useState('');
  const [refills, setRefills] = useState('0');
  const [writtenDate, setWrittenDate] = useState(localToday());
  const [priority, setPriority] = useState('normal');
  const [promised, setPromised] = useState('');
  const [doc, setDoc] = useState<Doc | null>(null);
  const [docError, setDocError] = useState<string>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (!site) return <PageHeader title="New prescription" subtitle="Select a site first." />;

  async function onFile(file: File | undefined) {
    setDocError(undefined);
    setDoc(null);
    if (!file) return;
    if (!DOC_TYPES.includes(file.type)) return setDocError('Attach a PDF, PNG, JPEG or TIFF scan');
    if (file.size > MAX_DOC) return setDocError('The scan is larger than 5 MB; scan at a lower resolution');
    setDoc(await readFile(file));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!site) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const res = await api.post<{ prescription: Prescription; fill: Fill }>('/api/prescriptions', {
        siteId: site.id,
        origin,
        ...(patient ? { patientId: patient.id } : {}),
        ...(prescriber ? { prescriberId: prescriber.id } : {}),
        drugDescription: drug.trim(),
        writtenDate,
        ...(sigText.trim() ? { sigText: sigText.trim() } : {}),
        ...(quantity ? { quantity: Number(quantity) } : {}),
        refillsAuthorized: Number(refills || 0),
        daw: '0',
        priority,
        ...(promised ? { promisedAt: new Date(promised).toISOString() } : {}),
        ...(doc
          ? { document: { contentType: doc.contentType, filename: doc.filename, base64: doc.base64 } }
          : {}),
      });
      navigate(`/fills/${res.fill.id}`);
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const fe = (f: string) => failure?.fieldError(f);
  return (
    <>
      <PageHeader title="New prescription" subtitle={`Intake at ${site.name}`} />
      {failure ? <ErrorBanner error={failure} title="Not saved" /> : null}
      <div className="intake-layout">
        <section className="card" aria-labelledby="who-h">
          <h2 id="who-h">Patient and prescriber</h2>
          <PatientPicker siteId={site.id} value={patient} onChange={setPatient} error={fe('patientId')} />
          <PrescriberPicker
            siteId={site.id}
            value={prescriber}
            onChange={setPrescriber}
            error={fe('prescriberId')}
          />
          <p className="hint">Both can be matched later, before data entry starts.</p>
        </section>
        <form className="card" onSubmit={submit} aria-labelledby="rx-h">
          <h2 id="rx-h">Prescription as written</h2>
          <div className="form-grid">
            <Field label="Origin" required error={fe('origin')}>
              {(p) => (
                <select {...p} value={origin} onChange={(e) => setOrigin(e.target.value)}>
                  {ORIGINS.map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Written date" required error={fe('writtenDate')}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={writtenDate}
                  onChange={(e) => setWrittenDate(e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            label="Drug as written"
            required
            error={fe('drugDescription')}
            hint="Exactly as the prescriber wrote it"
          >
            {(p) => <input {...p} value={drug} onChange={(e) => setDrug(e.target.value)} />}
          </Field>
          <Field label="Directions as written" error={fe('sigText')}>
            {(p) => <input {...p} value={sigText} onChange={(e) => setSigText(e.target.value)} />}
          </Field>
          <div className="form-grid">
            <Field label="Quantity" error={fe('quantity')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min="0"
                  step="any"
                  value={quantity}
                  onChange={(e) => setQuantity(e.target.value)}
                />
              )}
            </Field>
            <Field label="Refills authorized" error={fe('refillsAuthorized')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min="0"
                  max="99"
                  value={refills}
                  onChange={(e) => setRefills(e.target.value)}
                />
              )}
            </Field>
            <Field label="Priority" error={fe('priority')}>
              {(p) => (
                <select {...p} value={priority} onChange={(e) => setPriority(e.target.value)}>
                  <option value="waiter">Waiter (patient is waiting)</option>
                  <option value="normal">Normal</option>
                  <option value="delivery">Delivery</option>
                  <option value="mail">Mail</option>
                </select>
              )}
            </Field>
            <Field label="Promised time" error={fe('promisedAt')}>
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={promised}
                  onChange={(e) => setPromised(e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            label="Scanned original"
            error={docError ?? fe('document')}
            hint="PDF, PNG, JPEG or TIFF, up to 5 MB"
          >
            {(p) => (
              <input
                {...p}
                type="file"
                accept={DOC_TYPES.join(',')}
                onChange={(e) => void onFile(e.target.files?.[0])}
              />
            )}
          </Field>
          {doc?.contentType.startsWith('image/') && doc.contentType !== 'image/tiff' ? (
            <img className="doc-preview" src={doc.dataUrl} alt={`Scanned original: ${doc.filename}`} />
          ) : doc ? (
            <p className="hint">Attached: {doc.filename}</p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Create prescription'}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => navigate('/queue')}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
