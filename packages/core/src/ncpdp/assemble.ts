// Places decoded segments on the typed message (patient, claim, …) and writes them back in a fixed
// order. Segments the codec does not model go to `otherSegments` untouched.

import { type D0Error, d0Error, NcpdpEncodeError } from './errors';
import { type D0RawSegment, frameField, frameSegmentStart, rawFields, type ScannedSegment } from './frame';
import { type CompiledSegment, slotCode } from './schema';
import { decodeSegment, encodeSegment, SegmentFailure } from './segment-codec';

type Obj = Record<string, unknown>;

/** Segment id → where it goes on the typed object, in encoding order. */
export type Placements = ReadonlyArray<readonly [key: string, seg: CompiledSegment]>;

/** Segment id → placement, in a table indexed by slotCode(id) (ids are [0-9A-Z]{2}); `order` is its bit. */
export interface PlacementIndex {
  readonly table: readonly ({ key: string; seg: CompiledSegment; bit: number } | undefined)[];
}

export function placementIndex(placements: Placements): PlacementIndex {
  if (placements.length > 30) throw new Error('at most 30 segment placements per level');
  const table: ({ key: string; seg: CompiledSegment; bit: number } | undefined)[] = new Array(36 * 36).fill(
    undefined,
  );
  placements.forEach(([key, seg], i) => {
    table[slotCode(seg.spec.id)] = { key, seg, bit: 1 << i };
  });
  return { table };
}

export function decodeSegmentsInto(
  text: string,
  segments: readonly ScannedSegment[],
  index: PlacementIndex,
  target: Obj,
): D0Error | null {
  let placed = 0;
  for (const seg of segments) {
    const code = slotCode(seg.segmentId);
    const placement = code < 0 ? undefined : index.table[code];
    if (!placement) {
      const others = (target.otherSegments ?? []) as D0RawSegment[];
      others.push({ segmentId: seg.segmentId, fields: rawFields(text, seg) });
      target.otherSegments = others;
      continue;
    }
    const compiled = placement.seg;
    if (placed & placement.bit) {
      return d0Error(compiled.label, 'segment appears twice in the same group (NCPDP reject R7)', {
        segmentName: compiled.spec.name,
        offset: seg.offset,
      });
    }
    placed |= placement.bit;
    const r = decodeSegment(compiled, text, seg);
    if (r instanceof SegmentFailure)
      return { ...r.error, ...withOffset(r.error, seg.starts[r.fieldIndex] as number) };
    target[placement.key] = r;
  }
  return null;
}

function withOffset(e: D0Error, offset: number): Pick<D0Error, 'offset' | 'message'> {
  return { offset, message: e.message.replace(/: /, ` at offset ${offset}: `) };
}

export function encodeSegmentsFrom(
  placements: Placements,
  source: Obj,
  allowedKeys: ReadonlySet<string>,
  where: string,
): string {
  for (const key in source) {
    if (!allowedKeys.has(key)) throw new NcpdpEncodeError(d0Error(where, `unknown property "${key}"`));
  }
  let out = '';
  for (const [key, seg] of placements) {
    const value = source[key];
    if (value !== undefined) out += encodeSegment(seg, value);
  }
  const others = source.otherSegments;
  if (others === undefined) return out;
  if (!Array.isArray(others)) throw new NcpdpEncodeError(d0Error(where, 'otherSegments must be an array'));
  for (const raw of others as unknown[]) {
    const { segmentId, fields } = (raw ?? {}) as { segmentId?: unknown; fields?: unknown };
    if (placements.some(([, seg]) => seg.spec.id === segmentId)) {
      throw new NcpdpEncodeError(
        d0Error(
          `AM${String(segmentId)}`,
          `segment ${String(segmentId)} is modelled here: use its property, not otherSegments`,
        ),
      );
    }
    if (!Array.isArray(fields))
      throw new NcpdpEncodeError(d0Error(where, 'otherSegments[].fields must be an array'));
    out += frameSegmentStart(segmentId as string);
    for (const fld of fields as unknown[]) {
      const { id, value } = (fld ?? {}) as { id?: unknown; value?: unknown };
      out += frameField(`AM${String(segmentId)}`, id as string, value as string);
    }
  }
  return out;
}
