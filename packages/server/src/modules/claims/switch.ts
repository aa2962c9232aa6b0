import net from 'node:net';
import { encodeFrame, FrameReader } from './framing';

/**
 * Where claims go. `send` resolves with the payer's raw response or rejects with a SwitchError whose `kind`
 * says whether the payer may have received the request: 'unknown' (timed out or connection dropped after
 * sending — the claim may have been adjudicated) or 'not_sent' (could not connect — it certainly was not).
 */
export interface ClaimsSwitch {
  send(raw: string, timeoutMs: number): Promise<string>;
}

export class SwitchError extends Error {
  constructor(
    readonly kind: 'unknown' | 'not_sent',
    message: string,
  ) {
    super(message);
    this.name = 'SwitchError';
  }
}

interface Pending {
  resolve: (s: string) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** One socket, one request at a time (the response is matched by order; a timed-out socket is discarded). */
class Connection {
  readonly socket: net.Socket;
  private readonly reader = new FrameReader();
  private pending: Pending | null = null;
  connected: Promise<void>;
  dead = false;

  constructor(host: string, port: number, onDead: (c: Connection) => void) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.connected = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.connected.catch(() => {});
    this.socket.on('data', (chunk) => {
      let messages: string[];
      try {
        messages = this.reader.push(chunk);
      } catch (e) {
        this.fail(new SwitchError('unknown', (e as Error).message));
        return;
      }
      for (const m of messages) {
        const p = this.pending;
        this.pending = null;
        if (!p) continue;
        clearTimeout(p.timer);
        this.socket.unref();
        p.resolve(m);
      }
    });
    const die = () => {
      this.dead = true;
      onDead(this);
      this.fail(new SwitchError('unknown', 'the payer closed the connection before answering'));
    };
    this.socket.on('close', die);
    this.socket.on('error', () => {});
  }

  private fail(err: Error) {
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.socket.destroy();
  }

  async request(raw: string, timeoutMs: number): Promise<string> {
    try {
      await this.connected;
    } catch (e) {
      throw new SwitchError('not_sent', `cannot reach the payer: ${(e as Error).message}`);
    }
    if (this.dead) throw new SwitchError('not_sent', 'connection closed before sending');
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new SwitchError('unknown', `no response within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.pending = { resolve, reject, timer };
      this.socket.ref();
      this.socket.write(encodeFrame(raw));
    });
  }
}

/** TCP switch with a small pool of persistent connections (idle sockets do not keep the process alive). */
export class TcpSwitch implements ClaimsSwitch {
  private readonly idle: Connection[] = [];

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly maxIdle = 16,
  ) {}

  async send(raw: string, timeoutMs: number): Promise<string> {
    let conn = this.idle.pop();
    while (conn?.dead) conn = this.idle.pop();
    conn ??= new Connection(this.host, this.port, (c) => {
      const i = this.idle.indexOf(c);
      if (i >= 0) this.idle.splice(i, 1);
    });
    const res = await conn.request(raw, timeoutMs);
    if (!conn.dead && this.idle.length < this.maxIdle) this.idle.push(conn);
    else conn.socket.destroy();
    return res;
  }

  close(): void {
    for (const c of this.idle.splice(0)) c.socket.destroy();
  }
}

/** HTTP switch: POST the raw message; the body of the answer is the raw response. */
export class HttpSwitch implements ClaimsSwitch {
  constructor(readonly url: string) {}

  async send(raw: string, timeoutMs: number): Promise<string> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from(raw, 'latin1'),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.cause?.code === 'ECONNREFUSED') throw new SwitchError('not_sent', 'cannot reach the payer');
      throw new SwitchError(
        'unknown',
        err.name === 'TimeoutError' ? `no response within ${timeoutMs} ms` : err.message,
      );
    }
    if (!res.ok) throw new SwitchError('unknown', `payer answered HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer()).toString('latin1');
  }
}

const switches = new Map<string, ClaimsSwitch>();

/** A switch for a URL (tcp://host:port or http(s)://…), cached so TCP connections are reused. */
export function switchFor(url: string): ClaimsSwitch {
  let s = switches.get(url);
  if (s) return s;
  const u = new URL(url);
  if (u.protocol === 'tcp:') s = new TcpSwitch(u.hostname || '127.0.0.1', Number(u.port));
  else if (u.protocol === 'http:' || u.protocol === 'https:') s = new HttpSwitch(url);
  else throw new Error(`unsupported switch URL ${url} (use tcp://host:port or http://host:port/d0)`);
  switches.set(url, s);
  return s;
}

/** Tests and benchmarks may substitute a switch for a URL. */
export function setSwitchForTesting(url: string, s: ClaimsSwitch | null): void {
  if (s) switches.set(url, s);
  else switches.delete(url);
}
