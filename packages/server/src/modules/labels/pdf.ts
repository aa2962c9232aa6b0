import type { LabelData } from '@apotheca/core/labels';
import PDFDocument from 'pdfkit';
import { code128Png } from './barcode';
import { type LabelText, labelText } from './content';
import { type Box, fitText, printable, registerFonts, useFont } from './pdf-text';

type Doc = InstanceType<typeof PDFDocument>;

/** 4 × 6 inch label (the common thermal-printer stock), in PDF points (1/72 in). */
export const PAGE = { w: 288, h: 432 } as const;
const M = 10;
const CW = PAGE.w - 2 * M;

// Auxiliary sticker colours, cycled: the yellow/orange/blue/green/pink of printed auxiliary labels.
const STICKER_COLOURS = ['#FFE14D', '#FFB347', '#9AD0EC', '#A8E6A1', '#FFB6C1'];

/**
 * Renders one prescription label as a one-page PDF. Layout follows USP <17> Prescription Container Labeling:
 * patient name, directions and drug name/strength are the largest text near the top; pharmacy details are
 * smaller; auxiliary warnings are kept apart as stickers. Every field is fitted into a fixed box (shrink, then
 * truncate with "…"), so hostile or very long input never spills onto a second page.
 */
export async function renderLabelPdf(data: LabelData): Promise<Buffer> {
  const barcode = await code128Png(data.barcodeValue).catch(() => null);
  const doc = new PDFDocument({
    size: [PAGE.w, PAGE.h],
    margin: 0,
    autoFirstPage: true,
    info: { Title: `Rx ${printable(data.rxNumber)}`, Creator: 'Apotheca', Producer: 'Apotheca' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  drawLabel(doc, data, barcode);
  doc.end();
  return done;
}

function drawLabel(doc: Doc, d: LabelData, barcode: Buffer | null): void {
  const t = labelText(d);
  const box = (x: number, y: number, w: number, h: number): Box => ({ x, y, w, h });
  doc.fillColor('black');
  // Pharmacy (FDCA 503(b)(2): name and address of the dispenser).
  fitText(doc, t.pharmacyName, box(M, 8, CW, 14), { weight: 'bold', size: 11, minSize: 8 });
  fitText(doc, t.pharmacyAddress, box(M, 22, CW, 9), { size: 7.5, minSize: 6 });
  fitText(doc, t.contact, box(M, 31, CW, 9), { size: 7.5, minSize: 6 });
  rule(doc, 42);

  // Serial number, fill date, schedule.
  fitText(doc, t.rx, box(M, 45, 150, 15), { weight: 'bold', size: 12, minSize: 8 });
  fitText(doc, t.filled, box(160, 45, 118, 11), { weight: 'bold', size: 9, minSize: 7, align: 'right' });
  fitText(doc, t.fill, box(160, 56, 118, 9), { size: 7.5, minSize: 6, align: 'right' });

  // Patient, directions, drug: the USP <17> emphasis block.
  fitText(doc, t.patientName, box(M, 64, CW, 16), { weight: 'bold', size: 13, minSize: 9 });
  fitText(doc, t.patientAddress, box(M, 80, CW, 9), { size: 7.5, minSize: 6 });
  fitText(doc, t.directions, box(M, 92, CW, 58), { weight: 'bold', size: 12, minSize: 8.5 });
  fitText(doc, t.drug, box(M, 153, CW, 30), { weight: 'bold', size: 12, minSize: 9 });
  t.details.forEach((line, i) => {
    fitText(doc, line, box(M, 186 + i * 10, CW, 10), { size: 8, minSize: 6 });
  });

  // Barcode of the fill (scanned at pickup to match bag to prescription).
  if (barcode) doc.image(barcode, M, 229, { fit: [190, 38], valign: 'center' });
  else fitText(doc, '[barcode unavailable]', box(M, 240, 190, 12), { size: 8 });
  fitText(doc, t.barcodeText, box(M, 269, 190, 9), { size: 7, minSize: 6 });
  rule(doc, 282);
  drawStickers(doc, t.warnings, 286, PAGE.h - 6);
}

function rule(doc: Doc, y: number): void {
  doc
    .moveTo(M, y)
    .lineTo(PAGE.w - M, y)
    .lineWidth(0.5)
    .strokeColor('black')
    .stroke();
}

/** Auxiliary warnings as coloured stickers; the 21 CFR 290.5 caution first; "+N more" if they do not fit. */
function drawStickers(doc: Doc, list: LabelText['warnings'], top: number, bottom: number): void {
  const noteH = 10;
  const pad = 3;
  let y = top;
  let colour = 0;
  for (const [i, w] of list.entries()) {
    const text = printable(w.text);
    if (!text) continue;
    useFont(doc, 'bold', 8);
    const textH = Math.min(doc.heightOfString(text, { width: CW - 2 * pad }), 3 * doc.currentLineHeight());
    const h = textH + 2 * pad;
    const room = i === list.length - 1 ? bottom - y : bottom - y - noteH;
    if (h > room) {
      fitText(
        doc,
        `+${list.length - i} more warning(s): ask your pharmacist`,
        { x: M, y, w: CW, h: noteH },
        {
          weight: 'bold',
          size: 7.5,
          minSize: 6,
        },
      );
      return;
    }
    const required = w.required;
    doc.roundedRect(M, y, CW, h, 3).lineWidth(required ? 1.2 : 0.5);
    if (required) doc.fillAndStroke('#FFFFFF', '#000000');
    else doc.fillAndStroke(STICKER_COLOURS[colour++ % STICKER_COLOURS.length] ?? '#FFE14D', '#555555');
    doc.fillColor('black');
    fitText(
      doc,
      text,
      { x: M + pad, y: y + pad, w: CW - 2 * pad, h: textH + 0.5 },
      { weight: 'bold', size: 8, minSize: 8 },
    );
    y += h + 3;
  }
}
