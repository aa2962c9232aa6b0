/**
 * Plain-text fitting for fixed-width label fields (ZPL): word wrap to `width` characters, at most
 * `maxLines` lines; overflow ends the last line with "…" so nothing is silently dropped without a sign.
 * Words longer than a line are hard-split. Control characters become spaces.
 */
export function wrapText(text: string, width: number, maxLines: number, ellipsis = '...'): string[] {
  if (width < 1 || maxLines < 1) return [];
  const clean = cleanText(text);
  if (!clean) return [];
  const lines: string[] = [];
  let line = '';
  const chars = (s: string) => Array.from(s);
  for (const word of clean.split(' ')) {
    let w = chars(word);
    const lineLen = chars(line).length;
    if (line && lineLen + 1 + w.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    while (w.length > width) {
      lines.push(w.slice(0, width).join(''));
      w = w.slice(width);
    }
    line = w.join('');
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = chars(kept[maxLines - 1] ?? '');
  const room = Math.max(0, width - ellipsis.length);
  kept[maxLines - 1] = last.slice(0, room).join('').trimEnd() + ellipsis.slice(0, width);
  return kept;
}

/**
 * Label-safe text: control characters (C0, DEL, C1, line/paragraph separators) become spaces, bidirectional
 * overrides/isolates are dropped (a hostile U+202E could make printed text read backwards), lone UTF-16
 * surrogates become U+FFFD, and whitespace collapses.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
