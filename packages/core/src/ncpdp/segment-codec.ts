// One segment ↔ one plain object, driven by a compiled schema. Unknown field ids, and repeats of a
// single-occurrence field, go to `extra` in wire order so nothing is dropped.

import { type D0Error, d0Error, NcpdpEncodeError } from './errors';
import {
  type D0Field,
  fieldEnd,
  frameField,
  frameSegmentStart,
  hasSeparator,
  type ScannedSegment,
} from './frame';
import {
  type CompiledList,
  type CompiledSegment,
  type Entry,
  type EntryIndex,
  type FieldSpec,
  type ListSpec,
  slotCodeAt,
} from './schema';
import { decodeValue, encodeProblem, encodeValue, INVALID, invalidReason } from './values';

type Obj = Record<string, unknown>;

/** Why a segment did not decode, and at which of its fields. */
export class SegmentFailure {
  constructor(
    readonly error: D0Error,
    readonly fieldIndex: number,
  ) {}
}

/** The decoded segment, or a SegmentFailure (no wrapper object on the success path). */
export type SegmentDecode = Obj | SegmentFailure;

interface DeclaredCount {
  container: Obj;
  list: CompiledList;
  declared: number;
  fieldIndex: number;
}

function fieldError(
  seg: CompiledSegment,
  spec: FieldSpec | string,
  reason: string,
  fieldIndex: number,
): SegmentDecode {
  const opts =
    typeof spec === 'string'
      ? { segmentName: seg.spec.name, field: spec }
      : { segmentName: seg.spec.name, field: spec.id, fieldName: `${spec.ref} ${spec.name}` };
  return new SegmentFailure(d0Error(seg.label, reason, opts), fieldIndex);
}

function pushExtra(extra: D0Field[] | undefined, id: string, value: string): D0Field[] {
  const list = extra ?? [];
  list.push({ id, value });
  return list;
}

function openItem(l: CompiledList, container: Obj, item: unknown, current: (Obj | undefined)[]): void {
  let arr = container[l.spec.key] as unknown[] | undefined;
  if (arr === undefined) {
    arr = [];
    container[l.spec.key] = arr;
  }
  arr.push(item);
  if (!l.spec.scalar) current[l.index] = item as Obj;
  for (let c = 0; c < l.children.length; c++) current[(l.children[c] as CompiledList).index] = undefined;
}

/** Numbers each decodeSegment call (decoding is synchronous, so no two calls interleave). */
let decodeSerial = 0;

export function decodeSegment(seg: CompiledSegment, text: string, scanned: ScannedSegment): SegmentDecode {
  decodeSerial = decodeSerial === 0x3fffffff ? 1 : decodeSerial + 1;
  const serial = decodeSerial;
  const root: Obj = {};
  let extra: D0Field[] | undefined;
  // Current occurrence of each list (by CompiledList.index); only allocated for segments with lists.
  const current: (Obj | undefined)[] = seg.lists.length > 0 ? new Array(seg.lists.length) : [];
  let counts: DeclaredCount[] | undefined;

  const starts = scanned.starts;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    // The value is text[from, end); it is cut out only where a string is kept or shown.
    const from = start + 2;
    const end = fieldEnd(scanned, i);
    const code = slotCodeAt(text, start);
    const slot = code < 0 ? undefined : seg.slotTable[code];
    if (slot === undefined) {
      extra = pushExtra(extra, text.slice(start, from), text.slice(from, end));
      continue;
    }
    const spec = slot.spec;
    if (slot.t === 'field' && slot.list === null) {
      if (slot.seen === serial) {
        extra = pushExtra(extra, spec.id, text.slice(from, end));
        continue;
      }
      const v = decodeValue(spec.kind, text.slice(from, end));
      if (v === INVALID) return fieldError(seg, spec, invalidReason(spec.kind, text.slice(from, end)), i);
      root[spec.key] = v;
      slot.seen = serial;
      continue;
    }
    const l = slot.list as CompiledList;
    const container = l.parent === null ? root : current[l.parent.index];
    if (container === undefined) {
      const parentLeader = l.parent?.leader ?? l.parent?.spec.counter;
      return fieldError(
        seg,
        spec,
        `appears before any ${parentLeader?.id ?? ''} occurrence it belongs to`,
        i,
      );
    }
    if (slot.t === 'count') {
      if (counts?.some((c) => c.container === container && c.list === l)) {
        return fieldError(seg, spec, 'count field repeated', i);
      }
      const n = decodeValue('int', text.slice(from, end));
      if (n === INVALID) return fieldError(seg, spec, invalidReason('int', text.slice(from, end)), i);
      counts = counts ?? [];
      counts.push({ container, list: l, declared: n as number, fieldIndex: i });
      continue;
    }
    if (slot.t === 'counter') {
      const n = decodeValue('int', text.slice(from, end));
      const expected = ((container[l.spec.key] as unknown[] | undefined)?.length ?? 0) + 1;
      if (n !== expected) {
        const got = text.slice(from, end);
        return fieldError(seg, spec, `counter out of sequence: expected ${expected}, got "${got}"`, i);
      }
      openItem(l, container, {}, current);
      continue;
    }
    const v = decodeValue(spec.kind, text.slice(from, end));
    if (v === INVALID) return fieldError(seg, spec, invalidReason(spec.kind, text.slice(from, end)), i);
    if (slot.leader) {
      let item: unknown = v;
      if (!l.spec.scalar) {
        const o: Obj = {};
        o[spec.key] = v;
        item = o;
      }
      openItem(l, container, item, current);
      continue;
    }
    const item = current[l.index];
    const opener = l.leader ?? l.spec.counter;
    if (item === undefined) {
      return fieldError(
        seg,
        spec,
        `appears before ${opener?.id} which opens each ${l.spec.name} occurrence`,
        i,
      );
    }
    if (item[spec.key] !== undefined) {
      return fieldError(
        seg,
        spec,
        `repeated within one ${l.spec.name} occurrence (expected ${opener?.id} first)`,
        i,
      );
    }
    item[spec.key] = v;
  }

  if (counts) {
    for (const c of counts) {
      const actual = (c.container[c.list.spec.key] as unknown[] | undefined)?.length ?? 0;
      if (actual !== c.declared) {
        const count = c.list.spec.count as FieldSpec;
        return fieldError(
          seg,
          count,
          `count says ${c.declared} but ${actual} ${c.list.spec.name} occurrence(s) follow`,
          c.fieldIndex,
        );
      }
    }
  }
  if (extra) root.extra = extra;
  return root;
}

function encodeError(seg: CompiledSegment, spec: FieldSpec | ListSpec, reason: string): NcpdpEncodeError {
  const opts =
    'id' in spec
      ? { segmentName: seg.spec.name, field: spec.id, fieldName: `${spec.ref} ${spec.name}` }
      : { segmentName: seg.spec.name, field: spec.key };
  return new NcpdpEncodeError(d0Error(seg.label, reason, opts));
}

function encodeField(seg: CompiledSegment, spec: FieldSpec, value: unknown): string {
  const text = encodeValue(spec.kind, value);
  if (text === undefined) throw encodeError(seg, spec, encodeProblem(spec.kind));
  // Only free text can hold a separator; numbers and dates are digits and overpunch letters.
  if (spec.kind === 'an' && hasSeparator(text)) {
    throw encodeError(seg, spec, 'value must not contain separator characters 0x1C-0x1E');
  }
  return spec.prefix + text;
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** Entry positions of obj's own keys in schema order; refuses unknown keys; remembered for the next call. */
function entryOrder(seg: CompiledSegment, index: EntryIndex, obj: Obj, topLevel: boolean): number[] {
  const keys: string[] = [];
  const order: number[] = [];
  for (const key in obj) {
    keys.push(key);
    const at = index.byKey.get(key);
    if (at === undefined) {
      if (topLevel && key === 'extra') continue;
      throw new NcpdpEncodeError(
        d0Error(seg.label, `unknown property "${key}"`, { segmentName: seg.spec.name }),
      );
    }
    order.push(at);
  }
  order.sort(ascending);
  index.lastKeys = keys;
  index.lastOrder = order;
  return order;
}

/**
 * Writes the entries present on `obj` in schema order. Walking the object's own keys (usually few)
 * instead of every schema entry keeps encoding fast, and when they enumerate exactly like the previous
 * object's (the usual case) their schema order is reused; unknown property names are typos in
 * hand-written JSON and are refused instead of dropped.
 */
function encodeEntries(seg: CompiledSegment, entries: readonly Entry[], obj: Obj, topLevel = false): string {
  const index = seg.entryIndex.get(entries) as EntryIndex;
  let n = 0;
  let same = true;
  for (const key in obj) {
    if (same && index.lastKeys[n] !== key) same = false;
    n++;
  }
  const present =
    same && n === index.lastKeys.length ? index.lastOrder : entryOrder(seg, index, obj, topLevel);
  let out = '';
  for (let p = 0; p < present.length; p++) {
    const entry = entries[present[p] as number] as Entry;
    if ('field' in entry) {
      const value = obj[entry.field.key];
      if (value !== undefined) out += encodeField(seg, entry.field, value);
      continue;
    }
    const l = entry.list;
    const items = obj[l.key];
    if (items === undefined) continue;
    if (!Array.isArray(items)) throw encodeError(seg, l, `${l.key} must be an array`);
    if (items.length === 0) continue;
    if (l.count) out += encodeField(seg, l.count, items.length);
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (l.counter) out += encodeField(seg, l.counter, i + 1);
      if (l.scalar) {
        out += encodeField(seg, (l.items[0] as { field: FieldSpec }).field, item);
        continue;
      }
      if (typeof item !== 'object' || item === null)
        throw encodeError(seg, l, `${l.key}[${i}] must be an object`);
      const lead = l.items[0];
      if (!l.counter && lead && 'field' in lead && (item as Obj)[lead.field.key] === undefined) {
        throw encodeError(
          seg,
          lead.field,
          `${l.key}[${i}] needs ${lead.field.key}: it opens each occurrence`,
        );
      }
      out += encodeEntries(seg, l.items, item as Obj);
    }
  }
  return out;
}

/** Extras may carry unknown ids, or repeats of a single field that is itself set. */
function encodeExtras(seg: CompiledSegment, obj: Obj): string {
  const extra = obj.extra;
  if (extra === undefined) return '';
  if (!Array.isArray(extra))
    throw new NcpdpEncodeError(d0Error(seg.label, 'extra must be an array of {id, value}'));
  let out = '';
  for (const e of extra as unknown[]) {
    const { id, value } = (e ?? {}) as { id?: unknown; value?: unknown };
    const slot = typeof id === 'string' ? seg.slots.get(id) : undefined;
    if (slot && (slot.t !== 'field' || slot.list !== null || obj[slot.spec.key] === undefined)) {
      throw encodeError(
        seg,
        slot.spec,
        `field ${id} is part of the schema: set ${slot.spec.key} instead of extra`,
      );
    }
    out += frameField(seg.label, id as string, value as string);
  }
  return out;
}

export function encodeSegment(seg: CompiledSegment, obj: unknown): string {
  if (typeof obj !== 'object' || obj === null) {
    throw new NcpdpEncodeError(
      d0Error(seg.label, 'segment value must be an object', { segmentName: seg.spec.name }),
    );
  }
  return (
    frameSegmentStart(seg.spec.id) +
    encodeEntries(seg, seg.spec.entries, obj as Obj, true) +
    encodeExtras(seg, obj as Obj)
  );
}
