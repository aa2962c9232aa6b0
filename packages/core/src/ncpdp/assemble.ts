// Places decoded segments on the typed message (patient, claim, …) and writes them back in a fixed
// order. Segments the codec does not model go to `otherSegments` untouched.

import { type D0Error, d0Error, NcpdpEncodeError } from './errors';
import { type D0RawSegment, frameField, frameSegmentStart, type ScannedSegment } from './frame';
import type { CompiledSegment } from './schema';
import { decodeSegment, encodeSegment } from './segment-codec';

type Obj = Record<string, unknown>;

/** Segment id → where it goes on the typed object, in encoding order. */
export type Placements = ReadonlyArray<readonly [key: string, seg: CompiledSegment]>;

export function placementIndex(
  placements: Placements,
): ReadonlyMap<string, readonly [string, CompiledSegment]> {
  return new Map(placements.map((p) => [p[1].spec.id, p]));
}

/** Character offset of field `index` of a segment: SS FS "AMnn", then FS id value per field. */
function fieldOffset(seg: ScannedSegment, index: number): number {
  let pos = seg.offset + 6;
  for (let j = 0; j < index; j++) pos += 3 + (seg.fields[j]?.value.length ?? 0);
  return pos + 1;
}

export function decodeSegmentsInto(
  segments: readonly ScannedSegment[],
  index: ReadonlyMap<string, readonly [string, CompiledSegment]>,
  target: Obj,
): D0Error | null {
  for (const seg of segments) {
    const placement = index.get(seg.segmentId);
    if (!placement) {
      const others = (target.otherSegments ?? []) as D0RawSegment[];
      others.push({ segmentId: seg.segmentId, fields: seg.fields });
      target.otherSegments = others;
      continue;
    }
    const [key, compiled] = placement;
    if (key in target) {
      return d0Error(compiled.label, 'segment appears twice in the same group (NCPDP reject R7)', {
        segmentName: compiled.spec.name,
        offset: seg.offset,
      });
    }
    const r = decodeSegment(compiled, seg.fields);
    if (!r.ok) return { ...r.error, ...withOffset(r.error, fieldOffset(seg, r.fieldIndex)) };
    target[key] = r.value;
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
