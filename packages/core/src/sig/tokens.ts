/**
 * Normalization and tokenization of free-text sigs. Pure string work, linear time, never throws.
 */

export interface Token {
  /** Lower-case token text, e.g. "tab", "4", "-", "1/2". */
  text: string;
  /** Numeric value when the token is a number, a fraction, a number word or a roman numeral. */
  num?: number;
}

export interface Tokenized {
  tokens: Token[];
  /** ISMP dose-designation problems seen in the raw text (trailing zero, naked decimal, µg, @, &). */
  notes: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  half: 0.5,
};

/**
 * Roman numerals as prescribers still write them for counts of solids ("i-ii tabs").
 * "iv" is deliberately absent: it means intravenous. "ss" (semis, one half) is handled by the parser,
 * because "per ss" means sliding scale (ISMP lists "ss" as error-prone for exactly that reason).
 */
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iss: 1.5 };

export const MAX_SIG_LENGTH = 1000;

export function normalizeSig(raw: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  let s = raw.toLowerCase();
  if (/[µμ]g/.test(s)) notes.push('µg');
  if (/\d\.0+(?!\d)/.test(s)) notes.push('trailing zero');
  if (/(^|[^\d])\.\d/.test(s)) notes.push('naked decimal');
  if (s.includes('@')) notes.push('@');
  if (s.includes('&')) notes.push('&');
  s = s
    .replace(/[µμ]g/g, 'mcg')
    .replace(/[×✕]/g, ' x ')
    .replace(/½/g, ' 1/2 ')
    .replace(/¼/g, ' 1/4 ')
    .replace(/[–—−]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/\(s\)/g, 's')
    .replace(/\bone[- ]half\b/g, ' 1/2 ')
    .replace(/\bsub[- ]?q\b/g, 'subq')
    .replace(/\bsub[- ]?cut\b/g, 'subcut')
    .replace(/(^|[^\d])\.(\d)/g, '$1 0.$2')
    // Dots inside abbreviations go ("p.o." -> "po", "q.i.d." -> "qid"); decimal points stay.
    .replace(/([a-z])\.(?=[a-z])/g, '$1')
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ');
  return { text: s.replace(/\s+/g, ' ').trim(), notes };
}

const TOKEN_RE = /\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?|[a-z]+(?:'[a-z]+)?|[^\sa-z\d]/g;

export function tokenize(raw: string): Tokenized {
  const { text, notes } = normalizeSig(raw.slice(0, MAX_SIG_LENGTH));
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    tokens.push(toToken(t));
  }
  return { tokens, notes };
}

function toToken(t: string): Token {
  if (/^\d/.test(t)) {
    const slash = t.indexOf('/');
    if (slash > 0) {
      const n = Number(t.slice(0, slash));
      const d = Number(t.slice(slash + 1));
      return d > 0 && Number.isFinite(n / d) ? { text: t, num: n / d } : { text: t };
    }
    const n = Number(t);
    return Number.isFinite(n) ? { text: t, num: n } : { text: t };
  }
  const word = NUMBER_WORDS[t] ?? ROMAN[t];
  return word === undefined ? { text: t } : { text: t, num: word };
}
