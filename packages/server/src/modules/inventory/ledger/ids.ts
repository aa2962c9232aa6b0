import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * Movement ids in UUIDv7 layout (RFC 9562 §5.7): 48-bit Unix milliseconds, then a per-process counter in the
 * rand_a bits (method 1 of §6.2, monotonic within a millisecond), then random bits. Ordering by (occurred_at, id)
 * therefore keeps the order movements were written, e.g. a transfer's out-leg before its in-leg.
 */
export function movementId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else counter = (counter + 1) & 0xfff;
  const time = lastMs.toString(16).padStart(12, '0');
  const rand = randomBytes(8);
  rand[0] = ((rand[0] ?? 0) & 0x3f) | 0x80; // variant 10
  const r = rand.toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${r.slice(0, 4)}-${r.slice(4, 16)}`;
}
