import type { Token } from './tokens';

/** A multi-word phrase of the lexicon mapped to a value. Words are token texts ("q", "4", "h"). */
export interface Phrase<T> {
  words: readonly string[];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  len: number;
}

/**
 * Longest-match lookup of lexicon phrases at a token position. Phrases are indexed by first word so a
 * lookup costs only the phrases that can start there.
 */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    const words = splitPhrase(phrase);
    const first = words[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
  }

  match(tokens: readonly Token[], i: number): PhraseMatch<T> | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    for (const p of this.byFirst.get(first.text) ?? []) {
      if (p.words.every((w, k) => tokens[i + k]?.text === w)) return { value: p.value, len: p.words.length };
    }
    return undefined;
  }
}

/** Splits a lexicon phrase the same way the tokenizer splits input ("n/v" -> n / v, "q4-6h" -> q 4 - 6 h). */
export function splitPhrase(phrase: string): string[] {
  return phrase.match(/\d+(?:\.\d+)?(?:\/\d+)?|[a-z]+(?:'[a-z]+)?|[^\sa-z\d]/g) ?? [];
}

/** Expands "in|into the|each {site}" style site phrases with the usual prepositions. */
export function withPrepositions(site: string): string[] {
  return [
    site,
    `in ${site}`,
    `into ${site}`,
    `in the ${site}`,
    `into the ${site}`,
    `to ${site}`,
    `to the ${site}`,
  ];
}
