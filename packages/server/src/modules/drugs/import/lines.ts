import fs from 'node:fs';
import readline from 'node:readline';

export interface Line {
  /** 1-based line number in the file (the header is line 1). */
  no: number;
  text: string;
  /** Bytes read so far, for the progress bar. */
  bytes: number;
}

/**
 * Streams a text file line by line (CRLF or LF) without loading it whole. FDA NDC directory files are
 * ISO-8859-1 (latin1); RxNorm RRF files are UTF-8.
 */
export async function* readLines(file: string, encoding: BufferEncoding = 'utf8'): AsyncGenerator<Line> {
  const stream = fs.createReadStream(file, { encoding, highWaterMark: 1 << 20 });
  const rl = readline.createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let no = 0;
  try {
    for await (const text of rl) {
      no++;
      yield { no, text, bytes: stream.bytesRead };
    }
  } finally {
    rl.close();
    stream.destroy();
  }
}

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}
