import type { ReactNode } from 'react';
import { fmtNdc } from '../../api/rx';
import { fmtDate } from '../../components/ui';
import type { FillBundle } from './data';
import { DAW_CODES } from './EntryForm';

interface Row {
  label: string;
  prescribed: ReactNode;
  entered: ReactNode;
  dispensed: ReactNode;
  /** Which comparisons disagree. */
  diffPE?: boolean;
  diffED?: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, ' ');

/**
 * Does the product entered look like the drug as written? Name and strength numbers must both appear; a
 * mismatch is highlighted for the pharmacist, not blocked (brand vs generic wording differs legitimately).
 */
export function drugDiffers(written: string, name: string, strength: string | null): boolean {
  const w = norm(written);
  const first = norm(name).trim().split(' ')[0] ?? '';
  const nums = (strength ?? '').match(/\d+(\.\d+)?/g) ?? [];
  return !(first && w.includes(first)) || nums.some((n) => !w.split(' ').includes(n));
}

function Cell({ v, diff }: { v: ReactNode; diff: boolean | undefined }) {
  return (
    <td className={diff ? 'diff' : undefined}>
      {v ?? '—'}
      {diff ? <span className="diff-mark"> ≠ differs</span> : null}
    </td>
  );
}

/** Prescribed (as written) vs entered vs scanned/dispensed, side by side with differences marked. */
/** What is in the bag, for the pickup counter. */
export function BagSummary({ bundle }: { bundle: FillBundle }) {
  const { fill, prescription: rx } = bundle.detail;
  const p = bundle.drug?.product;
  return (
    <dl className="details bag">
      <div>
        <dt>Drug</dt>
        <dd>
          <strong>{p ? `${p.displayName} ${p.strength ?? ''}` : rx.drug_description}</strong>
        </dd>
      </div>
      <div>
        <dt>NDC dispensed</dt>
        <dd className="mono">{fmtNdc(fill.ndc11_dispensed)}</dd>
      </div>
      <div>
        <dt>Quantity</dt>
        <dd>{fill.quantity ?? '—'}</dd>
      </div>
      <div>
        <dt>Directions</dt>
        <dd>{rx.sig?.text ?? rx.sig_text ?? '—'}</dd>
      </div>
      <div>
        <dt>Lot / expiry</dt>
        <dd>
          <span className="mono">{fill.lot ?? '—'}</span> / {fill.expiry ? fmtDate(fill.expiry) : '—'}
        </dd>
      </div>
      <div>
        <dt>Refills left</dt>
        <dd>{Math.max(0, rx.refills_authorized - fill.fill_number)}</dd>
      </div>
    </dl>
  );
}

export function Comparison({ bundle }: { bundle: FillBundle }) {
  const { fill, prescription: rx, scans } = bundle.detail;
  const p = bundle.drug?.product;
  const filled = Boolean(fill.ndc11_dispensed);
  const lastMatch = [...scans].reverse().find((s) => s.result === 'match');
  const enteredDrug = p ? `${p.displayName} ${p.strength ?? ''} ${(p.dosageForm ?? '').toLowerCase()}` : null;
  const dash = <span className="muted">—</span>;
  const notYet = <span className="muted">not filled yet</span>;
  const w = bundle.detail.asWritten ?? null;
  const written = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? dash : v;
  const differs = (a: unknown, b: unknown) =>
    a !== null && a !== undefined && a !== '' && b !== null && b !== undefined && String(a) !== String(b);
  const rows: Row[] = [
    {
      label: 'Drug',
      prescribed: rx.drug_description,
      entered: enteredDrug,
      dispensed: filled
        ? fill.ndc11_dispensed === rx.ndc11
          ? enteredDrug
          : fmtNdc(fill.ndc11_dispensed)
        : notYet,
      diffPE: p ? drugDiffers(rx.drug_description, p.displayName, p.strength) : false,
      diffED: filled && fill.ndc11_dispensed !== rx.ndc11,
    },
    {
      label: 'NDC',
      prescribed: dash,
      entered: <span className="mono">{fmtNdc(rx.ndc11)}</span>,
      dispensed: filled ? <span className="mono">{fmtNdc(fill.ndc11_dispensed)}</span> : notYet,
      diffED: filled && fill.ndc11_dispensed !== rx.ndc11,
    },
    {
      label: 'Directions',
      prescribed: w?.sigText ? <span className="mono">{w.sigText}</span> : dash,
      entered: rx.sig ? (
        <>
          <span className="mono">{rx.sig_text}</span>
          <br />
          {rx.sig.text}
        </>
      ) : (
        rx.sig_text
      ),
      dispensed: dash,
    },
    {
      label: 'Quantity',
      prescribed: written(w?.quantity),
      entered: rx.quantity,
      dispensed: filled ? fill.quantity : notYet,
      diffPE: differs(w?.quantity, rx.quantity),
      diffED: filled && fill.quantity !== rx.quantity,
    },
    {
      label: 'Days’ supply',
      prescribed: written(w?.daysSupply),
      entered: rx.days_supply,
      dispensed: dash,
      diffPE: differs(w?.daysSupply, rx.days_supply),
    },
    {
      label: 'Refills',
      prescribed: written(w?.refills),
      entered: rx.refills_authorized,
      dispensed: dash,
      diffPE: differs(w?.refills, rx.refills_authorized),
    },
    {
      label: 'DAW',
      prescribed: w?.daw ? (DAW_CODES[w.daw] ?? w.daw) : dash,
      entered: DAW_CODES[rx.daw] ?? rx.daw,
      dispensed: dash,
      diffPE: differs(w?.daw, rx.daw),
    },
    {
      label: 'Lot / expiry',
      prescribed: dash,
      entered: dash,
      dispensed: filled ? `${fill.lot ?? '—'} / ${fill.expiry ? fmtDate(fill.expiry) : '—'}` : notYet,
    },
    {
      label: 'Scanned code',
      prescribed: dash,
      entered: dash,
      dispensed: lastMatch ? <span className="mono break">{lastMatch.scanned}</span> : notYet,
    },
  ];
  return (
    <div className="table-wrap">
      <table className="table compare" data-testid="compare">
        <caption className="sr-only">Prescribed, entered and dispensed, side by side</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Field</span>
            </th>
            <th scope="col">Prescribed (as written)</th>
            <th scope="col">Entered</th>
            <th scope="col">Scanned / dispensed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <Cell v={r.prescribed} diff={r.diffPE} />
              <Cell v={r.entered} diff={r.diffPE || r.diffED} />
              <Cell v={r.dispensed} diff={r.diffED} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-foot">
        {w
          ? 'As written: what the prescriber wrote, recorded at intake; differences from the entry are marked.'
          : 'Check directions, quantity and refills against the original prescription (e-prescription message or scan).'}
      </p>
    </div>
  );
}
