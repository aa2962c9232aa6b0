import http from 'node:http';
import net from 'node:net';
import { encodeFrame, FrameReader } from '../modules/claims/framing';
import { PayerEngine } from './engine';
import { Fault, type PlansFile, PriorAuth } from './plans';

export interface PayerSimOptions {
  plans: PlansFile;
  port: number;
  httpPort?: number;
  host?: string;
}

export interface PayerSim {
  engine: PayerEngine;
  tcpPort: number;
  httpPort: number | null;
  /** Faults by BIN ('*' = every plan). */
  faults: Map<string, Fault & { remaining?: number }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the simulator: D.0 over TCP (4-byte length prefix) and over HTTP (POST /d0), plus admin endpoints:
 * GET /admin/claims, POST /admin/pa, POST /admin/fault, POST /admin/reset, GET /health.
 */
export async function startPayerSim(opts: PayerSimOptions): Promise<PayerSim> {
  const engine = PayerEngine.fromFile(opts.plans);
  const host = opts.host ?? '127.0.0.1';
  const faults = new Map<string, Fault & { remaining?: number }>();
  for (const p of opts.plans.plans)
    if (p.fault && (p.fault.mode !== 'none' || p.fault.latencyMs))
      faults.set(p.bin, { ...p.fault, ...(p.fault.count ? { remaining: p.fault.count } : {}) });

  /** The fault that applies to this request (consuming one use of a counted fault). */
  const faultFor = (raw: string): Fault | null => {
    const bin = PayerEngine.binOf(raw);
    const key = bin && faults.has(bin) ? bin : faults.has('*') ? '*' : null;
    if (!key) return null;
    const f = faults.get(key);
    if (!f) return null;
    if (f.remaining !== undefined) {
      f.remaining -= 1;
      if (f.remaining <= 0) faults.delete(key);
    }
    return f;
  };

  /** Runs one request through latency/faults. Resolves with the response, or null when the fault swallows it. */
  const handle = async (raw: string): Promise<{ response: string | null; fault: Fault | null }> => {
    const fault = faultFor(raw);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault && fault.mode !== 'none' && fault.stage === 'before') return { response: null, fault };
    const response = engine.process(raw);
    if (fault && fault.mode !== 'none') return { response: null, fault };
    return { response, fault };
  };

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const reader = new FrameReader();
    // Requests on one connection are answered in order.
    let chain = Promise.resolve();
    socket.on('data', (chunk) => {
      let messages: string[];
      try {
        messages = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const raw of messages)
        chain = chain.then(async () => {
          const { response, fault } = await handle(raw);
          if (response !== null) {
            if (!socket.destroyed) socket.write(encodeFrame(response));
          } else if (fault?.mode === 'drop') socket.destroy();
          // 'timeout': accept and never answer; the connection stays open until the client gives up.
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(opts.port, host, () => resolve());
  });
  const tcpPort = (tcp.address() as net.AddressInfo).port;

  let httpServer: http.Server | null = null;
  let httpPort: number | null = null;
  if (opts.httpPort !== undefined) {
    httpServer = http.createServer((req, res) => {
      void route(req, res).catch((e: Error) => json(res, 500, { error: e.message }));
    });
    const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const body = await readBody(req);
      if (req.method === 'POST' && url.pathname === '/d0') {
        const { response, fault } = await handle(body.toString('latin1'));
        if (response !== null) {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(Buffer.from(response, 'latin1'));
        } else if (fault?.mode === 'drop') req.socket.destroy();
        return;
      }
      if (req.method === 'GET' && url.pathname === '/health')
        return json(res, 200, { ok: true, tcpPort, httpPort });
      if (req.method === 'GET' && url.pathname === '/admin/claims') {
        const status = url.searchParams.get('status');
        const claims = engine.history.all.filter((c) => !status || c.status === status);
        return json(res, 200, { claims });
      }
      if (req.method === 'POST' && url.pathname === '/admin/pa') {
        const pa = PriorAuth.safeParse(parseJson(body));
        if (!pa.success)
          return json(res, 400, { error: pa.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
        engine.priorAuths.push(pa.data);
        return json(res, 201, { priorAuthorization: pa.data });
      }
      if (req.method === 'POST' && url.pathname === '/admin/fault') {
        const raw = parseJson(body) as { bin?: string } | null;
        const f = Fault.safeParse(raw ?? {});
        if (!f.success)
          return json(res, 400, { error: f.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
        const key = raw?.bin ?? '*';
        if (f.data.mode === 'none' && !f.data.latencyMs) faults.delete(key);
        else faults.set(key, { ...f.data, ...(f.data.count ? { remaining: f.data.count } : {}) });
        return json(res, 200, { bin: key, fault: f.data });
      }
      if (req.method === 'POST' && url.pathname === '/admin/reset') {
        engine.history.clear();
        faults.clear();
        return json(res, 200, { ok: true });
      }
      json(res, 404, { error: `no route ${req.method} ${url.pathname}` });
    };
    await new Promise<void>((resolve, reject) => {
      httpServer?.once('error', reject);
      httpServer?.listen(opts.httpPort, host, () => resolve());
    });
    httpPort = (httpServer.address() as net.AddressInfo).port;
  }

  return {
    engine,
    tcpPort,
    httpPort,
    faults,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => tcp.close(() => r()));
      if (httpServer) {
        httpServer.closeAllConnections();
        await new Promise<void>((r) => httpServer?.close(() => r()));
      }
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1 << 20) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(b: Buffer): unknown {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    return null;
  }
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
