// A local stand-in for a running ngrok agent's local API (`http://127.0.0.1:4040/api/tunnels`),
// which FarmHook reads to learn the public URL of `ngrok http <port>`. Answers the documented shape:
// `{"tunnels":[{"name","ID","uri","public_url","proto","config":{"addr","inspect"},"metrics"}],"uri":"/api/tunnels"}`.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AgentTunnel {
  publicUrl: string;
  /** What ngrok forwards to, as the agent reports it (e.g. `http://localhost:13000`). */
  addr: string;
}

export class NgrokAgentStandin {
  tunnels: AgentTunnel[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<NgrokAgentStandin> {
    const server = createServer();
    const agent = new NgrokAgentStandin(server);
    server.on('request', (req, res) => {
      req.resume();
      if (req.url !== '/api/tunnels') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error_code":100,"status_code":404,"msg":"Not Found"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          tunnels: agent.tunnels.map((t, i) => ({
            name: i === 0 ? 'command_line' : `command_line-${i}`,
            ID: randomBytes(16).toString('hex'),
            uri: `/api/tunnels/command_line${i ? `-${i}` : ''}`,
            public_url: t.publicUrl,
            proto: t.publicUrl.startsWith('https') ? 'https' : 'http',
            config: { addr: t.addr, inspect: true },
            metrics: { conns: { count: 0, gauge: 0 }, http: { count: 0 } },
          })),
          uri: '/api/tunnels',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return agent;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
