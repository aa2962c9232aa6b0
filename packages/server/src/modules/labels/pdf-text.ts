import { cleanText } from '@apotheca/core/labels';
import type PDFDocument from 'pdfkit';
import { labelFonts, toWinAnsi } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;
export type Weight = 'regular' | 'bold';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text as the chosen font can print it: cleaned (controls, bidi overrides) and mapped to WinAnsi if needed. */
export function printable(text: string): string {
  const clean = cleanText(text);
  return labelFonts().unicode ? clean : toWinAnsi(clean);
}

export function useFont(doc: Doc, weight: Weight, size: number): Doc {
  return doc.font(weight === 'bold' ? 'label-bold' : 'label-regular').fontSize(size);
}

export function registerFonts(doc: Doc): void {
  const f = labelFonts();
  doc.registerFont('label-regular', f.regular);
  doc.registerFont('label-bold', f.bold);
}

/**
 * Draws text inside a box: tries `size` down to `minSize` until it fits, then truncates with an ellipsis.
 * Always passes `height`, so pdfkit stops at the box instead of flowing onto a new page.
 * Returns the height used.
 */
export function fitText(
  doc: Doc,
  raw: string,
  box: Box,
  opts: { weight?: Weight; size: number; minSize?: number; align?: 'left' | 'right' | 'center' },
): number {
  const weight = opts.weight ?? 'regular';
  const min = opts.minSize ?? opts.size;
  // No glyph in these fonts is narrower than ~0.25 em on a ~1.2 em line, so a box holds fewer than
  // w·h / (0.3·min²) characters: cut far-too-long input first (measuring it is what costs time), marked "…".
  const cap = Math.ceil((box.w * box.h) / (0.3 * min * min));
  const chars = Array.from(printable(raw));
  const text = chars.length > cap ? `${chars.slice(0, cap).join('')}…` : chars.join('');
  if (!text) return 0;
  const base = { width: box.w, align: opts.align ?? 'left', lineGap: 0 } as const;
  for (let size = opts.size; size >= min; size -= 0.5) {
    useFont(doc, weight, size);
    const h = doc.heightOfString(text, base);
    if (h <= box.h) {
      doc.text(text, box.x, box.y, { ...base, height: box.h });
      return h;
    }
  }
  useFont(doc, weight, min);
  doc.text(text, box.x, box.y, { ...base, height: box.h, ellipsis: true });
  return box.h;
}
