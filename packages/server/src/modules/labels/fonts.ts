import fs from 'node:fs';
import path from 'node:path';

/**
 * Label fonts. A Unicode TrueType font (DejaVu Sans, Debian `fonts-dejavu-core`, which fontconfig and
 * therefore poppler pull in) prints patient names in any Latin, Greek or Cyrillic script. Without it the
 * PDF standard font Helvetica is used, which only covers WinAnsi: other characters print as "?".
 * APOTHECA_LABEL_FONT_DIR points at a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.
 */
export interface LabelFonts {
  regular: Buffer | 'Helvetica';
  bold: Buffer | 'Helvetica-Bold';
  unicode: boolean;
}

const DIRS = [
  process.env.APOTHECA_LABEL_FONT_DIR,
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/local/share/fonts/dejavu',
].filter((d): d is string => Boolean(d));

let cached: LabelFonts | undefined;

export function labelFonts(): LabelFonts {
  if (cached) return cached;
  for (const dir of DIRS) {
    const regular = path.join(dir, 'DejaVuSans.ttf');
    const bold = path.join(dir, 'DejaVuSans-Bold.ttf');
    if (fs.existsSync(regular) && fs.existsSync(bold)) {
      cached = { regular: fs.readFileSync(regular), bold: fs.readFileSync(bold), unicode: true };
      return cached;
    }
  }
  cached = { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
  return cached;
}

// Windows-1252 printable set: what the PDF standard fonts can show (PDF 32000-1, Annex D).
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Replaces characters the standard font cannot show with "?" (only used without a Unicode font). */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    out += (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch) ? ch : '?';
  }
  return out;
}
