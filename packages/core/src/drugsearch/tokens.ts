// Text folding for type-ahead: case-, accent- and punctuation-insensitive words.

const MARKS = /[\u0300-\u036f]/g;

/** Lower-case, accent-free words of a name ("Hydrocodone Bitartrate/APAP" → hydrocodone, bitartrate, apap). */
export function tokenize(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t !== '');
}

/** Folded form of a whole name for exact/starts-with comparison. */
export const foldName = (text: string | null | undefined): string => tokenize(text).join(' ');
