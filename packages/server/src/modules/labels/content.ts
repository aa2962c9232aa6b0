import { FEDERAL_TRANSFER_CAUTION, formatUsDate, type LabelData } from '@apotheca/core/labels';
import { dashNdc11 } from '@apotheca/core/ndc';

/** The printed strings of a label, shared by the PDF and ZPL renderers so both say exactly the same. */
export interface LabelText {
  pharmacyName: string;
  pharmacyAddress: string;
  contact: string;
  rx: string;
  filled: string;
  fill: string;
  patientName: string;
  patientAddress: string;
  directions: string;
  drug: string;
  details: string[];
  barcodeText: string;
  /** Auxiliary warnings with the 21 CFR 290.5 caution moved first (it must never be the one cut off). */
  warnings: { text: string; required: boolean }[];
}

export function labelText(d: LabelData): LabelText {
  const refills =
    d.refillsLeft > 0
      ? `Refills: ${d.refillsLeft} left${d.refillsExpire ? ` until ${formatUsDate(d.refillsExpire)}` : ''}`
      : 'No refills';
  const ndc = /^\d{11}$/.test(d.drug.ndc11) ? dashNdc11(d.drug.ndc11) : d.drug.ndc11;
  const warnings = d.auxiliary.map((text) => ({ text, required: text === FEDERAL_TRANSFER_CAUTION }));
  return {
    pharmacyName: d.pharmacy.name,
    pharmacyAddress: d.pharmacy.address,
    contact: [d.pharmacy.phone && `Ph ${d.pharmacy.phone}`, d.pharmacy.dea && `DEA ${d.pharmacy.dea}`]
      .filter(Boolean)
      .join(' · '),
    rx: `Rx# ${d.rxNumber}`,
    filled: `Filled ${formatUsDate(d.fillDate)}`,
    fill: `${d.deaSchedule ? `C-${d.deaSchedule.slice(1)} · ` : ''}${d.fillNumber === 0 ? 'Original fill' : `Refill ${d.fillNumber}`}`,
    patientName: d.patient.name,
    patientAddress: d.patient.address ?? '',
    directions: d.directions,
    drug: [d.drug.name, d.drug.strength, d.drug.form].filter(Boolean).join(' '),
    details: [
      `Qty: ${d.quantity} ${d.unit} · ${refills}`,
      `NDC ${ndc}${d.drug.manufacturer ? ` · Mfr: ${d.drug.manufacturer}` : ''}`,
      `Prescriber: ${d.prescriberName}`,
      `Discard after: ${formatUsDate(d.discardAfter)}${d.pharmacistInitials ? ` · RPh: ${d.pharmacistInitials}` : ''}`,
    ],
    barcodeText: d.barcodeValue,
    warnings: [...warnings.filter((w) => w.required), ...warnings.filter((w) => !w.required)],
  };
}
