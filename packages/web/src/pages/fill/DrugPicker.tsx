import { api } from '../../api/client';
import { type DrugHit, type DrugSearch, fmtNdc } from '../../api/rx';
import { Combobox } from '../../components/Combobox';
import { Badge } from '../../components/ui';

export interface PickedDrug {
  ndc11: string;
  name: string;
  strength: string | null;
  dosageForm: string | null;
  packageDescription: string | null;
  deaSchedule: string | null;
  onFormulary: boolean | null;
  gtin14: string | null;
}

export const fromHit = (h: DrugHit): PickedDrug => ({
  ndc11: h.ndc11,
  name: h.proprietaryName && h.proprietaryName !== h.name ? `${h.name} (${h.proprietaryName})` : h.name,
  strength: h.strength,
  dosageForm: h.dosageForm,
  packageDescription: h.packageDescription,
  deaSchedule: h.deaSchedule,
  onFormulary: h.onFormulary,
  gtin14: h.gtin14,
});

export function FormularyBadge({ on }: { on: boolean | null }) {
  if (on === null) return null;
  return on ? <Badge tone="ok">On formulary</Badge> : <Badge tone="warn">Non-formulary</Badge>;
}

export function DrugSummary({ d }: { d: PickedDrug }) {
  return (
    <span className="drug-summary">
      <strong>{d.name}</strong> {d.strength ?? ''} <span className="lower">{d.dosageForm ?? ''}</span>{' '}
      {d.deaSchedule ? <Badge tone="warn">{d.deaSchedule}</Badge> : null}
      <br />
      <span className="muted">
        NDC <span className="mono">{fmtNdc(d.ndc11)}</span>
        {d.packageDescription ? ` · ${d.packageDescription}` : ''}
      </span>{' '}
      <FormularyBadge on={d.onFormulary} />
    </span>
  );
}

/** Drug type-ahead over the knowledge base: name prefix, NDC in any form, GTIN or a scan. */
export function DrugPicker({
  siteId,
  onPick,
  error,
}: {
  siteId: string;
  onPick: (d: PickedDrug) => void;
  error?: string | undefined;
}) {
  return (
    <Combobox<DrugHit>
      label="Drug"
      required
      placeholder="Name, NDC or scan (e.g. amox)"
      error={error}
      search={(q, signal) =>
        api.get<DrugSearch>('/api/drugs/search', { q, siteId, limit: 12 }, signal).then((r) => r.items)
      }
      optionKey={(h) => h.ndc11}
      renderOption={(h) => <DrugSummary d={fromHit(h)} />}
      onSelect={(h) => onPick(fromHit(h))}
    />
  );
}
