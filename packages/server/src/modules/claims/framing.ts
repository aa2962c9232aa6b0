/**
 * TCP framing for D.0 over a socket: a 4-byte big-endian length prefix, then the message bytes (latin1,
 * one byte per character; D.0 is ASCII plus the separators 0x1C–0x1E). Switch vendors use this style of
 * length-prefixed framing for NCPDP over TCP/IP; the exact header differs per switch, so it lives here only.
 */
export const MAX_FRAME = 1 << 20;

export function encodeFrame(message: string): Buffer {
  const body = Buffer.from(message, 'latin1');
  const out = Buffer.allocUnsafe(4 + body.length);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

/** Accumulates socket chunks and yields whole messages; throws on a frame larger than MAX_FRAME. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: string[] = [];
    while (this.buf.length >= 4) {
      const len = this.buf.readUInt32BE(0);
      if (len > MAX_FRAME) throw new Error(`frame of ${len} bytes exceeds ${MAX_FRAME}`);
      if (this.buf.length < 4 + len) break;
      out.push(this.buf.toString('latin1', 4, 4 + len));
      this.buf = this.buf.subarray(4 + len);
    }
    return out;
  }
}
