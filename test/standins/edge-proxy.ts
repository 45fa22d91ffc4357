// A local stand-in for "the internet edge" in front of FarmHook: what a router's port forward, a
// DDNS name or a tunnel's edge does to a request from SimplyPrint. A real reverse proxy on a free
// port (node:http), forwarding method, path, headers and body to a target and the answer back,
// which tests can switch to the ways it goes wrong in the field: forwarding to another service
// (misrouted), answering slowly, answering 502 Bad Gateway itself (a proxy that cannot reach its
// upstream), or not running at all (connection refused).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type EdgeMode =
  | { kind: 'forward'; target: string }
  | { kind: 'slow'; target: string; delayMs: number }
  | { kind: 'bad_gateway' };

export class EdgeProxy {
  mode: EdgeMode;
  /** Requests seen (method and path), for assertions. */
  readonly seen: { method: string; path: string }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    target: string,
  ) {
    this.mode = { kind: 'forward', target };
  }

  static async start(target: string): Promise<EdgeProxy> {
    const server = createServer();
    const proxy = new EdgeProxy(server, target);
    server.on('request', (req, res) => proxy.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening: from now on a connection to its port is refused. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.seen.push({ method: req.method ?? '', path: req.url ?? '' });
    const mode = this.mode;
    if (mode.kind === 'bad_gateway') {
      req.resume();
      res.writeHead(502, { 'content-type': 'text/html', server: 'edge-standin' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const forward = () => this.forward(req, res, mode.target);
    if (mode.kind === 'slow') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        forward();
      }, mode.delayMs);
      this.timers.add(timer);
    } else {
      forward();
    }
  }

  private forward(req: IncomingMessage, res: ServerResponse, target: string): void {
    const upstream = new URL(target);
    const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' };
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad Gateway');
    });
    req.pipe(out);
  }
}
