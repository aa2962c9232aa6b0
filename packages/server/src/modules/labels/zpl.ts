import { BARCODE_VALUE, cleanText, type LabelData, wrapText } from '@apotheca/core/labels';
import { type LabelText, labelText } from './content';

// ZPL II for a 4 × 6 inch label on a 203 dpi printer (Zebra ZPL II Programming Guide: ^PW print width and
// ^LL label length in dots; 4 in × 203 = 812, 6 in × 203 = 1218).
const DPI = 203;
const W = 4 * DPI;
const L = 6 * DPI;
const M = 28;
const CW = W - 2 * M;
/** Font 0 (scalable CG Triumvirate Bold Condensed) is narrower than this; the estimate errs on the safe side. */
const CHAR_WIDTH = 0.58;

/**
 * Field data as ZPL can carry it. With ^FH (field hexadecimal indicator, default "_") any byte may be written
 * as _XX; with ^CI28 the bytes are UTF-8. So: the caret and tilde (format and control prefixes, which would
 * end the field or start a command), the underscore itself, and every non-ASCII character are hex-escaped,
 * leaving only printable ASCII that cannot be mistaken for a command.
 */
export function zplEscape(text: string): string {
  let out = '';
  for (const ch of cleanText(text)) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x20 && c <= 0x7e && ch !== '^' && ch !== '~' && ch !== '_') out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `_${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface TextOpts {
  h: number;
  maxLines?: number;
  width?: number;
  align?: 'L' | 'R';
}

/** Text lines at (x, y): wrapped by estimated character width, truncated with "..." past maxLines. */
function text(x: number, y: number, value: string, o: TextOpts): { zpl: string; height: number } {
  const width = o.width ?? CW;
  const perLine = Math.max(1, Math.floor(width / (o.h * CHAR_WIDTH)));
  const lines = wrapText(value, perLine, o.maxLines ?? 1);
  const lh = Math.round(o.h * 1.12);
  const block = o.align === 'R' ? `^FB${width},1,0,R` : '';
  const zpl = lines
    .map((line, i) => `^FO${x},${y + i * lh}^A0N,${o.h},${o.h}${block}^FH^FD${zplEscape(line)}^FS`)
    .join('\n');
  return { zpl, height: lines.length * lh };
}

/** Code 128 with subset B start (">:"), module width chosen so the symbol fits the label width. */
function barcode(x: number, y: number, value: string): string {
  if (!BARCODE_VALUE.test(value)) return text(x, y + 30, '[barcode unavailable]', { h: 24 }).zpl;
  const modules = 11 * (value.length + 3) + 2 + 20; // start, data, check, stop (13) + 10-module quiet zones
  const module = Math.max(1, Math.min(3, Math.floor(CW / modules)));
  return `^FO${x},${y}^BY${module},3,100^BCN,100,N,N,N^FD>:${value}^FS`;
}

/**
 * The prescription label in ZPL II (^XA … ^XZ). Same content and order as the PDF; each text field carries
 * ^FH so its data is hex-escaped (zplEscape), and the barcode encodes the same value as the PDF's.
 */
export function renderLabelZpl(d: LabelData): string {
  const t = labelText(d);
  const out: string[] = ['^XA', '^CI28', `^PW${W}`, `^LL${L}`, '^LH0,0'];
  const add = (s: string) => {
    if (s) out.push(s);
  };
  add(text(M, 20, t.pharmacyName, { h: 32 }).zpl);
  add(text(M, 58, t.pharmacyAddress, { h: 22 }).zpl);
  add(text(M, 84, t.contact, { h: 22 }).zpl);
  add(`^FO${M},112^GB${CW},2,2^FS`);
  add(text(M, 124, t.rx, { h: 36, width: 420 }).zpl);
  add(text(W - M - 330, 124, t.filled, { h: 26, width: 330, align: 'R' }).zpl);
  add(text(W - M - 330, 154, t.fill, { h: 22, width: 330, align: 'R' }).zpl);
  add(text(M, 180, t.patientName, { h: 38 }).zpl);
  add(text(M, 224, t.patientAddress, { h: 22 }).zpl);
  add(text(M, 258, t.directions, { h: 34, maxLines: 4 }).zpl);
  add(text(M, 420, t.drug, { h: 34, maxLines: 2 }).zpl);
  for (const [i, line] of t.details.entries()) add(text(M, 506 + i * 28, line, { h: 24 }).zpl);
  add(barcode(M, 630, d.barcodeValue));
  add(text(M, 738, t.barcodeText, { h: 22 }).zpl);
  add(`^FO${M},772^GB${CW},2,2^FS`);
  add(warnings(t.warnings, 784, L - 16));
  out.push('^PQ1', '^XZ');
  return `${out.join('\n')}\n`;
}

/** Auxiliary warnings as boxed blocks (the 21 CFR 290.5 caution first, heavier box); "+N more" when full. */
function warnings(list: LabelText['warnings'], top: number, bottom: number): string {
  const parts: string[] = [];
  let y = top;
  for (const [i, w] of list.entries()) {
    if (!cleanText(w.text)) continue;
    const t = text(M + 10, y + 8, w.text, { h: 24, maxLines: 3, width: CW - 20 });
    const h = t.height + 14;
    const room = i === list.length - 1 ? bottom - y : bottom - y - 30;
    if (h > room) {
      parts.push(text(M, y, `+${list.length - i} more warning(s): ask your pharmacist`, { h: 24 }).zpl);
      break;
    }
    parts.push(`^FO${M},${y}^GB${CW},${h},${w.required ? 4 : 2}^FS`, t.zpl);
    y += h + 8;
  }
  return parts.join('\n');
}
