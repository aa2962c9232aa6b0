// Data-driven segment schemas: which two-character field ids a segment carries, under which property
// name and in which format, and which fields repeat. Repeating groups follow the D.0 layout: a count
// field (e.g. 510-FA Reject Count) followed by one occurrence after another, each opened by its first
// field (e.g. 511-FB), or, for DUR/PPS, a counter field (473-7E) that opens each occurrence.

export type FieldKind =
  /** alphanumeric, kept as sent */
  | 'an'
  /** unsigned whole number (days supply, fill number, counts) */
  | 'int'
  /** s9(n)v99 signed overpunch → integer cents */
  | 'money'
  /** 9(7)v999 → decimal number with up to 3 decimals */
  | 'qty'
  /** s9(3)v9999 signed overpunch → decimal number with up to 4 decimals (sales-tax rates) */
  | 'rate'
  /** CCYYMMDD, validated as a calendar date, kept as the 8-digit string */
  | 'date';

export interface FieldSpec {
  readonly id: string;
  /** Data dictionary reference, e.g. "407-D7". */
  readonly ref: string;
  readonly key: string;
  readonly kind: FieldKind;
  readonly name: string;
  /** Field separator + id: what the encoder writes before the value. */
  readonly prefix: string;
}

export interface ListSpec {
  readonly key: string;
  readonly name: string;
  /** Count field written before the occurrences (e.g. FA). */
  readonly count?: FieldSpec;
  /** Counter field opening each occurrence (7E, J6): written as 1, 2, …; not stored in the value. */
  readonly counter?: FieldSpec;
  /** One field per occurrence, stored as a plain array of values. */
  readonly scalar?: boolean;
  readonly items: readonly Entry[];
}

export type Entry = { readonly field: FieldSpec } | { readonly list: ListSpec };

export interface SegmentSpec {
  /** The two characters after AM, e.g. "07". */
  readonly id: string;
  readonly name: string;
  readonly entries: readonly Entry[];
}

export function f(id: string, ref: string, key: string, kind: FieldKind, name: string): { field: FieldSpec } {
  return { field: { id, ref, key, kind, name, prefix: `\x1c${id}` } };
}

export function list(spec: ListSpec): { list: ListSpec } {
  return { list: spec };
}

/** Property key → entry position for one entries array, and the encoder's key-order cache. */
export interface EntryIndex {
  readonly byKey: ReadonlyMap<string, number>;
  /**
   * Own keys of the last object encoded with these entries, in enumeration order, and their entry
   * positions in schema order. Objects from one producer enumerate their keys in the same order, so the
   * next object usually matches and skips the lookups and the sort.
   */
  lastKeys: string[];
  lastOrder: number[];
}

/** Compiled lookup for one list: who owns it and which field opens an occurrence. */
export interface CompiledList {
  /** Position in CompiledSegment.lists, for per-decode state arrays. */
  readonly index: number;
  readonly spec: ListSpec;
  readonly parent: CompiledList | null;
  readonly children: CompiledList[];
  /** The field that opens an occurrence (not used for counter lists). */
  readonly leader: FieldSpec | null;
}

export type Slot =
  | {
      readonly t: 'field';
      /** Number of the last decode that set this (single, top-level) field: finds repeats without a property read. */
      seen: number;
      readonly spec: FieldSpec;
      readonly list: CompiledList | null;
      readonly leader: boolean;
    }
  | { readonly t: 'count'; readonly spec: FieldSpec; readonly list: CompiledList }
  | { readonly t: 'counter'; readonly spec: FieldSpec; readonly list: CompiledList };

export interface CompiledSegment {
  readonly spec: SegmentSpec;
  readonly label: string;
  readonly slots: ReadonlyMap<string, Slot>;
  /** Same slots in a 36×36 table indexed by slotCode(id) (ids are [0-9A-Z]{2}); faster than hashing. */
  readonly slotTable: readonly (Slot | undefined)[];
  /** Property key → position among the top-level entries, for the encoder. */
  readonly entryIndex: ReadonlyMap<readonly Entry[], EntryIndex>;
  readonly lists: readonly CompiledList[];
  /** Field ids of top-level single fields, by property key. */
  readonly topFieldIdsByKey: ReadonlyMap<string, string>;
}

function firstField(entries: readonly Entry[]): FieldSpec | null {
  const first = entries[0];
  return first && 'field' in first ? first.field : null;
}

export function compileSegment(spec: SegmentSpec): CompiledSegment {
  const slots = new Map<string, Slot>();
  const lists: CompiledList[] = [];
  const topFieldIdsByKey = new Map<string, string>();
  const add = (id: string, slot: Slot) => {
    if (slots.has(id)) throw new Error(`schema AM${spec.id}: field ${id} declared twice`);
    slots.set(id, slot);
  };
  const walk = (entries: readonly Entry[], owner: CompiledList | null) => {
    for (const entry of entries) {
      if ('field' in entry) {
        const leader = owner !== null && owner.leader === entry.field;
        add(entry.field.id, { t: 'field', spec: entry.field, list: owner, leader, seen: 0 });
        if (owner === null) topFieldIdsByKey.set(entry.field.key, entry.field.id);
        continue;
      }
      const l = entry.list;
      const leader = l.counter ? null : firstField(l.items);
      if (!l.counter && !leader) throw new Error(`schema AM${spec.id}: list ${l.key} needs a leading field`);
      const compiled: CompiledList = { index: lists.length, spec: l, parent: owner, children: [], leader };
      lists.push(compiled);
      owner?.children.push(compiled);
      if (l.count) add(l.count.id, { t: 'count', spec: l.count, list: compiled });
      if (l.counter) add(l.counter.id, { t: 'counter', spec: l.counter, list: compiled });
      walk(l.items, compiled);
    }
  };
  walk(spec.entries, null);
  const slotTable: (Slot | undefined)[] = new Array(36 * 36).fill(undefined);
  for (const [id, slot] of slots) {
    const code = slotCode(id);
    if (code < 0) throw new Error(`schema AM${spec.id}: field id ${id} must be [0-9A-Z]{2}`);
    slotTable[code] = slot;
  }
  const entryIndex = new Map<readonly Entry[], EntryIndex>();
  const indexEntries = (entries: readonly Entry[]) => {
    entryIndex.set(entries, {
      byKey: new Map(entries.map((e, i) => ['field' in e ? e.field.key : e.list.key, i])),
      lastKeys: [],
      lastOrder: [],
    });
    for (const e of entries) if ('list' in e) indexEntries(e.list.items);
  };
  indexEntries(spec.entries);
  return { spec, label: `AM${spec.id}`, slots, slotTable, entryIndex, lists, topFieldIdsByKey };
}

function base36(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** [0-9A-Z]{2} → 0…1295; -1 for any other id (never a schema field, so it goes to `extra`). */
export function slotCode(id: string): number {
  const hi = base36(id.charCodeAt(0));
  const lo = base36(id.charCodeAt(1));
  return hi < 0 || lo < 0 ? -1 : hi * 36 + lo;
}

/** slotCode of the two characters of `text` at `at`, without cutting them out. */
export function slotCodeAt(text: string, at: number): number {
  const hi = base36(text.charCodeAt(at));
  const lo = base36(text.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 36 + lo;
}
