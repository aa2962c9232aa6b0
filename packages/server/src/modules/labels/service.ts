import { type LabelData, validateLabel } from '@apotheca/core/labels';
import type { Ctx } from '../../platform/actor';
import { badRequest, forbidden } from '../../platform/errors';
import { renderLabelPdf } from './pdf';
import { renderLabelZpl } from './zpl';

export type LabelFormat = 'pdf' | 'zpl';

/**
 * Renders a label from caller-supplied data. No record is read or written (the fill workflow renders its
 * own labels from stored data), so there is no transaction or audit entry; the permission is still checked
 * here so a direct caller cannot skip it. Missing mandatory elements are a 400 naming each field and rule.
 */
export async function previewLabel(
  ctx: Ctx,
  data: LabelData,
  format: LabelFormat,
): Promise<{ contentType: string; body: Buffer | string }> {
  if (!ctx.actor.canAnywhere('labels.print')) throw forbidden('Your roles do not include labels.print');
  const issues = validateLabel(data);
  if (issues.length)
    throw badRequest(
      'label_incomplete',
      `The label cannot print: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`,
      issues.map((i) => ({ field: i.field, reason: `${i.reason} (${i.source})` })),
    );
  if (format === 'zpl') return { contentType: 'text/plain; charset=utf-8', body: renderLabelZpl(data) };
  return { contentType: 'application/pdf', body: await renderLabelPdf(data) };
}
