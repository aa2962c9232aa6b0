import { TALL_MAN_GROUPS, type TallManGroup } from './data/tall-man';

export interface LasaPartner {
  name: string;
  tallMan: string;
  list: TallManGroup['list'];
}

/** Lower-case name → tall man form, for every name on the FDA and ISMP lists. */
export const TALL_MAN_NAMES: ReadonlyMap<string, string> = new Map(
  TALL_MAN_GROUPS.flatMap((g) => g.names.map((n) => [n.toLowerCase(), n] as const)),
);

const PARTNERS: ReadonlyMap<string, readonly LasaPartner[]> = (() => {
  const m = new Map<string, LasaPartner[]>();
  for (const g of TALL_MAN_GROUPS) {
    for (const n of g.names) {
      const key = n.toLowerCase();
      const list = m.get(key) ?? [];
      for (const other of g.names) {
        const o = other.toLowerCase();
        if (o !== key && !list.some((p) => p.name === o))
          list.push({ name: o, tallMan: other, list: g.list });
      }
      m.set(key, list);
    }
  }
  return m;
})();

/**
 * The tall man form of a drug name, word by word ("hydroxyzine pamoate" → "hydrOXYzine pamoate").
 * Names not on the lists come back unchanged.
 */
export function tallMan(name: string): string {
  if (typeof name !== 'string') return '';
  return name.replace(/[A-Za-z][A-Za-z-]*/g, (word) => TALL_MAN_NAMES.get(word.toLowerCase()) ?? word);
}

/** Look-alike/sound-alike partners of a name (any word of it) from the FDA and ISMP tall man lists. */
export function lasaPartners(name: string): LasaPartner[] {
  if (typeof name !== 'string') return [];
  const out: LasaPartner[] = [];
  for (const word of name.toLowerCase().match(/[a-z][a-z-]*/g) ?? []) {
    for (const p of PARTNERS.get(word) ?? []) if (!out.some((o) => o.name === p.name)) out.push(p);
  }
  return out;
}
