/**
 * A recording HTTP proxy for the network audits (network.e2e.test.ts): the browser under test sends every
 * request through it, loopback included, and it forwards only those for the fixture server.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Seen {
  method: string;
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** An HTTP forward proxy on 127.0.0.1 that records every request and forwards only those for `allowed`. */
export async function recordingProxy(allowed: () => string): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // The browser hangs up on connections it no longer needs (an abandoned stream, a closed page).
    req.on('error', () => {});
    res.on('error', () => {});
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    seen.push({ method: req.method ?? '', host: target.host, path: target.pathname, headers: req.headers });
    if (target.host !== allowed()) {
      res.writeHead(502).end();
      return;
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (up) => {
      up.on('error', () => res.destroy());
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  // An encrypted tunnel would go to a host outside the test: recorded and refused.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    seen.push({ method: 'CONNECT', host: req.url ?? '', path: '', headers: req.headers });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('connection', (s) => {
    s.on('error', () => {});
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
