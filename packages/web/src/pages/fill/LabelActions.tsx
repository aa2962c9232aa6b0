import { useState } from 'react';
import { ApiError, api, postForBlob } from '../../api/client';
import type { Site } from '../../api/types';
import { ErrorBanner } from '../../components/ui';
import type { FillBundle } from './data';

const UNITS: Record<string, string> = {
  TABLET: 'tablets',
  CAPSULE: 'capsules',
  SUSPENSION: 'mL',
  SOLUTION: 'mL',
};

function addYear(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** LabelData for POST /api/labels/preview, built from the fill, its prescription and the site. */
export function labelData(b: FillBundle, site: Site) {
  const { fill, prescription: rx } = b.detail;
  const p = b.drug?.product;
  const fillDate = (fill.dispensed_at ?? new Date().toISOString()).slice(0, 10);
  // Beyond-use date: one year from dispensing or the stock expiry, whichever is earlier (USP <1178> practice).
  const oneYear = addYear(fillDate);
  const discardAfter = fill.expiry && fill.expiry < oneYear ? fill.expiry : oneYear;
  const form = (p?.dosageForm ?? '').split(',')[0]?.trim() ?? '';
  const schedule =
    rx.schedule && ['CII', 'CIII', 'CIV', 'CV'].includes(rx.schedule) ? rx.schedule : undefined;
  return {
    pharmacy: {
      name: site.name,
      address:
        [site.addressLine1, site.city, site.state, site.postalCode].filter(Boolean).join(', ') || site.name,
      phone: site.phone ?? '—',
      ...(site.deaNumber ? { dea: site.deaNumber } : {}),
    },
    patient: {
      name: b.patient ? `${b.patient.lastName}, ${b.patient.firstName}`.toUpperCase() : 'UNKNOWN',
    },
    rxNumber: String(rx.rx_number),
    fillNumber: fill.fill_number,
    fillDate,
    drug: {
      name: p?.nonproprietaryName ?? p?.displayName ?? rx.drug_description,
      strength: p?.strength ?? '',
      form: form.toLowerCase(),
      ndc11: fill.ndc11_dispensed ?? rx.ndc11 ?? '',
      ...(p?.labeler ? { manufacturer: p.labeler } : {}),
    },
    directions: rx.sig?.text ?? rx.sig_text ?? '',
    quantity: fill.quantity ?? rx.quantity ?? 0,
    unit: UNITS[form.toUpperCase()] ?? 'units',
    refillsLeft: Math.max(0, rx.refills_authorized - fill.fill_number),
    ...(rx.expires_on ? { refillsExpire: rx.expires_on } : {}),
    prescriberName: b.prescriber
      ? `${b.prescriber.firstName} ${b.prescriber.lastName} ${b.prescriber.credential ?? ''}`.trim()
      : '',
    discardAfter,
    ...(schedule ? { deaSchedule: schedule } : {}),
    auxiliary: [],
    barcodeValue: `${rx.rx_number}-${fill.fill_number}`,
  };
}

function save(blob: Blob, filename: string, open: boolean) {
  const url = URL.createObjectURL(blob);
  if (open) window.open(url, '_blank', 'noopener');
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
  }
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function LabelActions({ bundle }: { bundle: FillBundle }) {
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function run(format: 'pdf' | 'zpl') {
    setBusy(true);
    setFailure(undefined);
    try {
      const site = await api.get<Site>(`/api/sites/${bundle.detail.fill.site_id}`);
      const blob = await postForBlob('/api/labels/preview', labelData(bundle, site), { format });
      const name = `rx-${bundle.detail.prescription.rx_number}-${bundle.detail.fill.fill_number}`;
      save(blob, `${name}.${format}`, format === 'pdf');
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="label-actions">
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void run('pdf')}>
        Print label (PDF)
      </button>
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void run('zpl')}>
        Download ZPL
      </button>
      {failure ? <ErrorBanner error={failure} title="Label" /> : null}
    </div>
  );
}
