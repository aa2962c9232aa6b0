import { parseSig } from '@apotheca/core/sig';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { EntryResult } from '../../api/rx';
import { ErrorBanner, Field } from '../../components/ui';
import { DrugPicker, DrugSummary, type PickedDrug } from './DrugPicker';
import { act, type FillBundle } from './data';

export const DAW_CODES: Record<string, string> = {
  '0': '0 — No product selection indicated',
  '1': '1 — Substitution not allowed by prescriber',
  '2': '2 — Substitution allowed, patient requested brand',
  '3': '3 — Substitution allowed, pharmacist selected',
  '4': '4 — Generic not in stock',
  '5': '5 — Brand dispensed as generic',
  '6': '6 — Override',
  '7': '7 — Brand mandated by law',
  '8': '8 — Generic not available',
  '9': '9 — Other',
};

function initialDrug(b: FillBundle): PickedDrug | null {
  const d = b.drug;
  if (!d) return null;
  return {
    ndc11: d.package.ndc11,
    name: d.product.displayName,
    strength: d.product.strength,
    dosageForm: d.product.dosageForm,
    packageDescription: d.package.description,
    deaSchedule: d.product.deaSchedule,
    onFormulary: d.formulary ? d.formulary.status !== 'non_formulary' : null,
    gtin14: d.package.gtin14,
  };
}

/** Live plain-English reading of the directions, from the same parser the server uses. */
function SigPreview({ text }: { text: string }) {
  const sig = useMemo(() => (text.trim() ? parseSig(text) : null), [text]);
  return (
    <div className="sig-preview" aria-live="polite" data-testid="sig-preview">
      {!sig ? (
        <span className="muted">The plain-English directions appear here as you type.</span>
      ) : (
        <>
          <span className="sig-label">{sig.ok ? 'Label will read' : 'Understood so far'}</span>
          <strong>{sig.ok ? sig.text : sig.interpretation || '—'}</strong>
          {sig.unparsed.length ? (
            <span className="sig-warn">Not understood: {sig.unparsed.map((u) => `“${u}”`).join(', ')}</span>
          ) : null}
          {sig.warnings.map((w) => (
            <span key={w} className="sig-warn">
              {w}
            </span>
          ))}
        </>
      )}
    </div>
  );
}

export function EntryForm({
  bundle,
  canEdit,
  canSubmit,
  onChanged,
}: {
  bundle: FillBundle;
  canEdit: boolean;
  canSubmit: boolean;
  onChanged: () => void;
}) {
  const { fill, prescription: rx } = bundle.detail;
  const [drug, setDrug] = useState<PickedDrug | null>(() => initialDrug(bundle));
  const [sigText, setSigText] = useState(rx.sig_text ?? '');
  const [quantity, setQuantity] = useState(rx.quantity === null ? '' : String(rx.quantity));
  const [days, setDays] = useState('');
  const [refills, setRefills] = useState(String(rx.refills_authorized));
  const [daw, setDaw] = useState(rx.daw || '0');
  const [dirty, setDirty] = useState(!rx.ndc11);
  const [result, setResult] = useState<EntryResult>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!drug) {
      setFailure(
        new ApiError(400, 'validation_failed', 'Choose the drug', [
          { field: 'ndc11', reason: 'choose the product from the list' },
        ]),
      );
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const r = await api.put<EntryResult>(`/api/fills/${fill.id}/entry`, {
        ndc11: drug.ndc11,
        sigText: sigText.trim(),
        quantity: Number(quantity),
        ...(days ? { daysSupply: Number(days) } : {}),
        refillsAuthorized: Number(refills || 0),
        daw,
      });
      setResult(r);
      setDirty(false);
      onChanged();
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  async function submitEntry() {
    setBusy(true);
    setFailure(undefined);
    try {
      await act(fill.id, 'submit_entry');
      onChanged();
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const fe = (f: string) => failure?.fieldError(f);
  const working = result?.daysSupplyWorking;
  return (
    <form className="entry-form" onSubmit={save} aria-labelledby="entry-h">
      <h2 id="entry-h">Data entry</h2>
      {failure ? (
        <ErrorBanner
          error={failure}
          title={failure.code === 'law_violation' ? 'Not allowed by law' : 'Not saved'}
        />
      ) : null}
      {drug ? (
        <div className="picked" data-testid="picked-drug">
          <DrugSummary d={drug} />
          {canEdit ? (
            <button type="button" className="btn btn-ghost" onClick={() => touch(setDrug)(null)}>
              Change drug
            </button>
          ) : null}
        </div>
      ) : (
        <DrugPicker siteId={fill.site_id} onPick={touch(setDrug)} error={fe('ndc11')} />
      )}
      <Field
        label="Directions (sig)"
        required
        error={fe('sigText')}
        hint="Codes or words, e.g. 1 tab po bid x10d"
      >
        {(p) => (
          <input
            {...p}
            value={sigText}
            readOnly={!canEdit}
            onChange={(e) => touch(setSigText)(e.target.value)}
          />
        )}
      </Field>
      <SigPreview text={sigText} />
      <div className="form-grid">
        <Field label="Quantity" required error={fe('quantity')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min="0"
              step="any"
              readOnly={!canEdit}
              value={quantity}
              onChange={(e) => touch(setQuantity)(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Days’ supply"
          error={fe('daysSupply')}
          hint={
            fill.days_supply
              ? `Saved: ${fill.days_supply} days`
              : 'Leave blank: computed from sig and quantity'
          }
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min="1"
              max="365"
              readOnly={!canEdit}
              value={days}
              placeholder={fill.days_supply ? String(fill.days_supply) : 'auto'}
              onChange={(e) => touch(setDays)(e.target.value)}
            />
          )}
        </Field>
        <Field label="Refills authorized" required error={fe('refillsAuthorized')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min="0"
              max="99"
              readOnly={!canEdit}
              value={refills}
              onChange={(e) => touch(setRefills)(e.target.value)}
            />
          )}
        </Field>
        <Field label="DAW" error={fe('daw')}>
          {(p) => (
            <select {...p} value={daw} disabled={!canEdit} onChange={(e) => touch(setDaw)(e.target.value)}>
              {Object.entries(DAW_CODES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {working?.length ? (
        <div className="working" data-testid="days-working">
          <h3>Days’ supply: {result?.fill.days_supply} days — working</h3>
          <ol>
            {working.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the steps are a fixed, ordered text
              <li key={i}>{w.trim()}</li>
            ))}
          </ol>
        </div>
      ) : null}
      {canEdit ? (
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {busy ? 'Saving…' : 'Save entry & screen'}
          </button>
          {canSubmit ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || dirty}
              onClick={() => void submitEntry()}
              aria-describedby="submit-hint"
            >
              Submit entry
            </button>
          ) : null}
          {result && !dirty ? (
            <span className="saved-note" role="status">
              Saved ·{' '}
              {result.alerts.length
                ? `screening: ${result.alerts.length} alert${result.alerts.length === 1 ? '' : 's'}${
                    result.alerts.some((a) => a.requiresOverride) ? ', pharmacist override needed' : ''
                  } (below)`
                : 'screening clear'}
            </span>
          ) : null}
          {canSubmit ? (
            <span id="submit-hint" className="hint">
              {dirty
                ? 'Save the entry first: screening runs on save.'
                : 'Sends it to the pharmacist for data verification.'}
            </span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
