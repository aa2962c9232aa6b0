/** A short, line-per-fact summary of a parsed sig for the CLI (`apotheca sig parse "<sig>"` without --json). */
import { sigDailyUse } from './daily-use';
import { renderFrequency } from './render-frequency';
import type { ParsedSig } from './types';
import { quantityText } from './words';

export function sigSummaryLines(p: ParsedSig): string[] {
  const lines = [`${p.ok ? 'Understood' : 'NOT fully understood'}: ${p.text}`];
  if (!p.ok && p.interpretation) lines.push(`Partial reading: ${p.interpretation}`);
  p.instructions.forEach((s, k) => {
    const dose = s.dose?.value ?? (s.dose?.low !== undefined ? `${s.dose.low}-${s.dose.high}` : undefined);
    const facts = [
      dose !== undefined ? `dose ${dose}${s.dose?.unit ? ` ${s.dose.unit}` : ''}` : undefined,
      s.route ? `route ${s.route}${s.site ? ` (${s.site})` : ''}` : undefined,
      s.frequency ? `frequency ${s.frequency.code} (${renderFrequency(s.frequency)})` : undefined,
      s.durationDays !== undefined ? `${s.durationDays} days` : undefined,
      s.prn ? `PRN${s.prnReason ? ` ${s.prnReason}` : ''}` : undefined,
    ].filter((f): f is string => f !== undefined);
    lines.push(`${k + 1}. ${s.sequential ? 'then ' : ''}${facts.join(', ') || '(nothing)'}`);
  });
  const use = sigDailyUse(p);
  if (use)
    lines.push(
      `Per day: ${use.min === use.max ? quantityText(use.max, use.unit) : `${use.min} to ${quantityText(use.max, use.unit)}`}`,
    );
  if (p.unparsed.length) lines.push(`Not understood: ${p.unparsed.join(' | ')}`);
  for (const w of p.warnings) lines.push(`Warning: ${w}`);
  return lines;
}
