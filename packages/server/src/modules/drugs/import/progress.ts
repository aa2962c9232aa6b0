/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never in logs, pipes or CI),
 * redrawn at most 10 times a second.
 */
export interface Progress {
  update(bytes: number, rows: number): void;
  done(): void;
}

export function createProgress(label: string, totalBytes: number, stream = process.stderr): Progress {
  if (!stream.isTTY || totalBytes <= 0) return { update: () => {}, done: () => {} };
  let last = 0;
  let lastRows = 0;
  const draw = (bytes: number, rows: number) => {
    const frac = Math.min(1, bytes / totalBytes);
    const width = 30;
    const full = Math.round(frac * width);
    stream.write(
      `\r${label.padEnd(10)} [${'#'.repeat(full)}${' '.repeat(width - full)}] ${String(Math.round(frac * 100)).padStart(3)}%  ${rows.toLocaleString('en-US')} rows`,
    );
  };
  return {
    update(bytes, rows) {
      lastRows = rows;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(bytes, rows);
    },
    done() {
      draw(totalBytes, lastRows);
      stream.write('\n');
    },
  };
}
