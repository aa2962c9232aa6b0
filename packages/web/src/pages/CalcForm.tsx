import type { ApiError } from '../api/client';
import type { CalcDefinition, CalcInput } from '../api/types';
import { Field } from '../components/ui';

/** What the user typed for one input; quantities keep number and unit apart until submit. */
export interface InputValue {
  value: string;
  unit: string;
}
export type CalcValues = Record<string, InputValue>;

export function initialValues(def: CalcDefinition): CalcValues {
  const v: CalcValues = {};
  for (const i of def.inputs)
    v[i.name] = {
      value: i.default === undefined ? '' : String(i.default),
      unit: i.defaultUnit ?? i.units?.[0] ?? '',
    };
  return v;
}

/** Body for POST /api/calc/:id — quantities as "87 kg", blanks omitted so defaults apply server-side. */
export function toRequest(def: CalcDefinition, values: CalcValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of def.inputs) {
    const v = values[i.name];
    const text = v?.value.trim() ?? '';
    if (!text) continue;
    out[i.name] = i.kind === 'quantity' && v?.unit ? `${text} ${v.unit}` : text;
  }
  return out;
}

/** UCUM codes like [lb_av] are precise but unfriendly; show a readable label next to them. */
const UNIT_LABELS: Record<string, string> = {
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '[ft_i]': 'ft',
  '[degF]': '°F',
  Cel: '°C',
  'umol/L': 'µmol/L',
  ug: 'µg',
};
export const unitLabel = (u: string) => UNIT_LABELS[u] ?? u;

interface InputProps {
  input: CalcInput;
  value: InputValue;
  error: string | undefined;
  onChange: (v: InputValue) => void;
}

export function CalcInputField({ input, value, error, onChange }: InputProps) {
  const hint = input.description || undefined;
  return (
    <Field label={input.label} required={input.required} error={error} hint={hint}>
      {(p) => {
        if (input.kind === 'choice')
          return (
            <select
              {...p}
              value={value.value}
              onChange={(e) => onChange({ ...value, value: e.target.value })}
            >
              <option value="">{input.required ? 'Choose…' : 'Default'}</option>
              {(input.choices ?? []).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          );
        if (input.kind === 'quantity')
          return (
            <div className="quantity">
              <input
                {...p}
                inputMode="decimal"
                value={value.value}
                onChange={(e) => onChange({ ...value, value: e.target.value })}
                autoComplete="off"
              />
              {input.units?.length ? (
                <select
                  aria-label={`${input.label} unit`}
                  value={value.unit}
                  onChange={(e) => onChange({ ...value, unit: e.target.value })}
                >
                  {input.units.map((u) => (
                    <option key={u} value={u}>
                      {unitLabel(u)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  aria-label={`${input.label} unit`}
                  className="unit-input"
                  value={value.unit}
                  onChange={(e) => onChange({ ...value, unit: e.target.value })}
                />
              )}
            </div>
          );
        return (
          <input
            {...p}
            type={input.kind === 'date' ? 'date' : 'text'}
            inputMode={input.kind === 'number' ? 'decimal' : undefined}
            value={value.value}
            onChange={(e) => onChange({ ...value, value: e.target.value })}
            autoComplete="off"
          />
        );
      }}
    </Field>
  );
}

export function inputError(err: ApiError | undefined, name: string): string | undefined {
  return err?.fieldError(name) ?? err?.fieldError(`inputs.${name}`);
}
