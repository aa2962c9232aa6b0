/** Matchers for PRN, maximum dose, "as directed", sliding scale, modifiers and indications. */
import { ismpWarning } from './ismp';
import { UNITS } from './lexicon';
import { AS_DIRECTED, EXTRAS, FILLER, MAX_WORDS, PRN, REASONS, SLIDING_SCALE } from './lexicon-extras';
import { TIME_UNITS } from './lexicon-frequency';
import type { Matcher } from './matcher';
import { clean, isWord, readNumber } from './read';
import type { Token } from './tokens';
import { quantityText } from './words';

/** A reason from the lexicon, possibly two joined by "or"/"and"/"/" ("nausea or vomiting"). */
function readReason(t: readonly Token[], i: number): { text: string; len: number } | undefined {
  const a = REASONS.match(t, i);
  if (!a) return undefined;
  const joiner = t[i + a.len]?.text;
  if (joiner === 'or' || joiner === 'and' || joiner === '/') {
    const b = REASONS.match(t, i + a.len + 1);
    if (b && b.value !== a.value) {
      const j = joiner === '/' ? 'or' : joiner;
      return { text: `${a.value} ${j} ${b.value}`, len: a.len + 1 + b.len };
    }
  }
  return { text: a.value, len: a.len };
}

/**
 * "prn", "as needed for pain". A reason outside the lexicon is kept as written (up to four plain words that
 * start nothing else the parser knows), since a PRN reason is legitimately free text.
 */
export function makePrnMatcher(startsSomething: (t: readonly Token[], i: number) => boolean): Matcher {
  return (t, i) => {
    const m = PRN.match(t, i);
    if (!m) return undefined;
    let j = i + m.len;
    if (t[j]?.text === 'for') j++;
    const known = readReason(t, j);
    let reason: string | undefined;
    if (known) {
      reason = known.text;
      j += known.len;
    } else {
      const words: string[] = [];
      while (words.length < 4 && isWord(t[j]) && !FILLER.has(t[j]?.text ?? '') && !startsSomething(t, j)) {
        words.push(t[j]?.text ?? '');
        j++;
      }
      if (words.length > 0) reason = words.join(' ');
      else if (t[j - 1]?.text === 'for' && j - 1 >= i + m.len) j--;
    }
    return {
      len: j - i,
      apply: (d) => {
        if (d.prn && d.prnReason && reason) return false;
        d.prn = true;
        if (reason) d.prnReason = reason;
        return true;
      },
    };
  };
}

/** "for pain", "for blood pressure" without "as needed". */
export const matchIndication: Matcher = (t, i) => {
  if (t[i]?.text !== 'for') return undefined;
  const r = readReason(t, i + 1);
  if (!r) return undefined;
  return {
    len: 1 + r.len,
    apply: (d) => {
      if (d.indication) return false;
      d.indication = r.text;
      return true;
    },
  };
};

const PERIOD_PREFIX = new Set(['/', 'per', 'in', 'a', 'every', 'each', 'within', 'q']);

/** "max 6 tabs/24h", "not to exceed 4 doses per day", "do not exceed 8 tablets in 24 hours", "max 3 doses in 15 minutes". */
export const matchMax: Matcher = (t, i) => {
  const m = MAX_WORDS.match(t, i);
  if (!m) return undefined;
  let j = i + m.len;
  const n = readNumber(t, j);
  if (!n) return undefined;
  j += n.len;
  const u = UNITS.match(t, j);
  if (u) j += u.len;
  const unit = u ? (u.value.factor ? 'mL' : u.value.unit) : 'dose';
  const value = clean(n.value * (u?.value.factor ?? 1));
  let hours: number | undefined;
  const save = j;
  if (t[j]?.text === 'daily') {
    hours = 24;
    j++;
  } else {
    if (PERIOD_PREFIX.has(t[j]?.text ?? '')) j++;
    if (t[j]?.text === 'a' || t[j]?.text === 'any') j++;
    const count = readNumber(t, j);
    if (count) j += count.len;
    const tu = TIME_UNITS[t[j]?.text ?? ''];
    if (tu && tu.unit !== 'week' && tu.unit !== 'month' && j > save) {
      hours = clean((count?.value ?? 1) * tu.hours);
      j++;
      if (t[j]?.text === 'period') j++;
    } else j = save;
  }
  return {
    len: j - i,
    apply: (d, warn) => {
      if (hours === undefined || hours === 24) {
        if (d.rawMax) return false;
        if (hours === undefined) warn('A maximum without a time period was read as per 24 hours.');
        d.rawMax = { value, unit };
        return true;
      }
      const h = hours;
      const span = h < 1 ? `${clean(h * 60)} minutes` : `${h} hour${h === 1 ? '' : 's'}`;
      d.extras.push(`Do not use more than ${quantityText(value, unit)} in ${span}.`);
      return true;
    },
  };
};

export const matchAsDirected: Matcher = (t, i) => {
  const m = AS_DIRECTED.match(t, i);
  if (!m) return undefined;
  return {
    len: m.len,
    apply: (d, warn) => {
      d.asDirected = true;
      if (m.value) warn(ismpWarning(m.value));
      return true;
    },
  };
};

export const matchSlidingScale: Matcher = (t, i) => {
  const m = SLIDING_SCALE.match(t, i);
  if (!m) return undefined;
  return {
    len: m.len,
    apply: (d, warn) => {
      d.slidingScale = true;
      if (m.value) warn(ismpWarning(m.value));
      return true;
    },
  };
};

export const matchExtra: Matcher = (t, i) => {
  const m = EXTRAS.match(t, i);
  if (!m) return undefined;
  return {
    len: m.len,
    apply: (d) => {
      if (m.value && !d.extras.includes(m.value)) d.extras.push(m.value);
      return true;
    },
  };
};

/** "may repeat", "may repeat in 2 hours", "may repeat x1 after 2 hours" (triptans, naloxone). */
export const matchRepeat: Matcher = (t, i) => {
  if (t[i]?.text !== 'may' || t[i + 1]?.text !== 'repeat') return undefined;
  let j = i + 2;
  let once = false;
  if (t[j]?.text === 'once' || (t[j]?.text === 'x' && t[j + 1]?.text === '1')) {
    once = true;
    j += t[j]?.text === 'once' ? 1 : 2;
  }
  let when = '';
  const rel = t[j]?.text;
  if (rel === 'in' || rel === 'after' || rel === 'every' || rel === 'q') {
    const n = readNumber(t, j + 1);
    const tu = n ? TIME_UNITS[t[j + 1 + n.len]?.text ?? ''] : undefined;
    if (n && tu && (tu.unit === 'minute' || tu.unit === 'hour')) {
      const word = rel === 'q' ? 'every' : rel;
      when = ` ${word} ${n.value} ${tu.unit}${n.value === 1 ? '' : 's'}`;
      j += 2 + n.len;
    }
  }
  if (t[j]?.text === 'if' && t[j + 1]?.text === 'needed') j += 2;
  const sentence = `May repeat${once ? ' once' : ''}${when} if needed.`;
  return {
    len: j - i,
    apply: (d) => {
      if (!d.extras.includes(sentence)) d.extras.push(sentence);
      return true;
    },
  };
};
