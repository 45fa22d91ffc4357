// Runs and watches a Cloudflare quick tunnel: `cloudflared tunnel --url http://127.0.0.1:<port>
// --metrics 127.0.0.1:<port>`. The public URL comes from the metrics server's `/quicktunnel`
// (`{"hostname": "..."}`) or from the URL box cloudflared prints on stderr; "connected" from
// `/ready` (200 with `readyConnections` > 0). When cloudflared exits it is started again with
// exponential backoff, and a quick tunnel then gets a NEW URL, which the setup room turns into a
// "SimplyPrint's webhook points at the old URL" finding.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { healthMessage } from '../../shared/health-messages.js';
import type { ProbeResult } from '../../shared/setup.js';
import { nested, textMessage } from '../check.js';
import { parseCloudflaredLine } from './cloudflared-output.js';
import { TunnelStateHolder, type Tunnel, type TunnelListener } from './tunnel-state.js';

export interface CloudflaredOptions {
  /** The executable: a path, or a name looked up on PATH. */
  binary: string;
  /** What the tunnel forwards to: the receiver on loopback. */
  targetUrl: string;
  logger: Logger;
  onChange: TunnelListener;
  backoff?: { initialMs: number; maxMs: number };
  /** How often the metrics server is asked. */
  pollMs?: number;
}

const DEFAULT_BACKOFF = { initialMs: 2_000, maxMs: 120_000 };
const STOP_GRACE_MS = 5_000;

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export class CloudflaredSupervisor implements Tunnel {
  private readonly holder: TunnelStateHolder;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly pollMs: number;
  private child: ChildProcess | null = null;
  private metrics: string | null = null;
  private poller: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private running = false;
  private generation = 0;
  private lastLines: string[] = [];
  /** The URL of the previous cloudflared run: a quick tunnel's URL dies with its process. */
  private previousUrl: string | null = null;
  /** When a log line or /ready last said "connected": an older /ready answer must not undo it. */
  private connectedEvidenceAt = 0;
  /** The current run uses `--protocol http2` (after QUIC was found blocked). */
  private http2 = false;

  constructor(private readonly options: CloudflaredOptions) {
    this.holder = new TunnelStateHolder('cloudflare', options.onChange);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.pollMs = options.pollMs ?? 1_000;
  }

  status() {
    return this.holder.snapshot();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.holder.update(() => {
      this.holder.state = 'starting';
      this.holder.restarts = 0;
      this.holder.lastError = null;
      this.holder.clearHint('not_installed', 'exited', 'rate_limited');
    });
    void this.launch();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation += 1;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.stopPolling();
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    this.holder.update(() => {
      this.holder.state = 'stopped';
      this.previousUrl = null;
      this.holder.publicUrl = null;
      this.holder.connections = null;
      this.holder.nextRetryAt = null;
      this.holder.verification = null;
      this.holder.clearHint('url_changed', 'not_verified', 'exited');
    });
  }

  setVerification(result: ProbeResult): void {
    if (!this.running || !this.holder.publicUrl || !result.target.startsWith(this.holder.publicUrl)) return;
    this.holder.update(() => {
      this.holder.verification = result;
      if (result.ok) {
        this.holder.clearHint('not_verified');
        if (this.holder.state === 'connected') this.holder.state = 'verified';
      } else {
        this.holder.hint('not_verified', healthMessage('tunnel.cloudflared.not_verified', { probe: nested(result.messageRef ?? textMessage(result.message)) }));
      }
    });
  }

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    const metricsPort = await freeLoopbackPort();
    if (!this.running || generation !== this.generation) return;
    this.metrics = `http://127.0.0.1:${metricsPort}`;
    this.lastLines = [];
    this.holder.update(() => {
      this.previousUrl = this.holder.publicUrl ?? this.previousUrl;
      this.holder.publicUrl = null;
      this.holder.state = 'starting';
      this.holder.nextRetryAt = null;
      this.holder.connections = null;
      this.holder.verification = null;
    });
    const args = ['tunnel', '--no-autoupdate', '--metrics', `127.0.0.1:${metricsPort}`, '--url', this.options.targetUrl];
    this.http2 = this.holder.hasHint('udp_blocked');
    if (this.http2) args.push('--protocol', 'http2');
    const child = spawn(this.options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    this.options.logger.info({ binary: this.options.binary, metricsPort }, 'starting cloudflared quick tunnel');

    const onLine = (line: string) => {
      if (generation !== this.generation) return;
      this.lastLines = [...this.lastLines.slice(-9), line];
      this.onLine(line);
    };
    createInterface({ input: child.stderr! }).on('line', onLine);
    createInterface({ input: child.stdout! }).on('line', onLine);

    child.once('error', (error) => {
      if (generation !== this.generation || this.child !== child) return;
      const code = (error as NodeJS.ErrnoException).code;
      this.stopPolling();
      this.child = null;
      this.holder.update(() => {
        this.holder.state = 'failed';
        this.holder.lastError = healthMessage('tunnel.cloudflared.start_failed', { error: error.message });
        if (code === 'ENOENT' || code === 'EACCES') {
          this.holder.hint('not_installed', healthMessage('tunnel.cloudflared.not_installed', { binary: this.options.binary }));
        }
      });
      // A missing binary will not appear by itself: no restarts until started again.
      if (code === 'ENOENT' || code === 'EACCES') this.running = false;
      else this.scheduleRestart();
    });
    child.once('exit', (code, signal) => {
      if (generation !== this.generation || this.child !== child) return;
      this.stopPolling();
      this.child = null;
      const last = this.lastLines.filter((l) => parseCloudflaredLine(l)?.kind !== 'url').at(-1) ?? '';
      this.holder.update(() => {
        this.holder.state = 'failed';
        this.holder.connections = null;
        const line = last.slice(0, 300);
        this.holder.lastError =
          signal === null
            ? line
              ? healthMessage('tunnel.cloudflared.exited_code_line', { code: String(code), line })
              : healthMessage('tunnel.cloudflared.exited_code', { code: String(code) })
            : line
              ? healthMessage('tunnel.cloudflared.exited_signal_line', { signal, line })
              : healthMessage('tunnel.cloudflared.exited_signal', { signal });
        this.holder.hint('exited', healthMessage('tunnel.cloudflared.exited_hint'));
      });
      this.scheduleRestart();
    });
    this.poller = setInterval(() => void this.poll(generation), this.pollMs);
    this.poller.unref();
  }

  private onLine(line: string): void {
    const parsed = parseCloudflaredLine(line);
    if (!parsed) return;
    this.holder.update(() => {
      switch (parsed.kind) {
        case 'url':
          this.assignUrl(parsed.url);
          break;
        case 'registered':
          this.markConnected(Math.max(1, this.holder.connections ?? 0));
          break;
        case 'rate_limited':
          this.holder.hint('rate_limited', healthMessage('tunnel.cloudflared.rate_limited'));
          break;
        case 'udp_blocked':
          this.holder.hint('udp_blocked', healthMessage('tunnel.cloudflared.udp_blocked'));
          // Restart over TCP rather than wait for cloudflared to give up on QUIC by itself.
          if (!this.http2 && this.holder.state !== 'connected' && this.holder.state !== 'verified') this.child?.kill('SIGTERM');
          break;
        case 'error':
          // cloudflared's own log line, as it wrote it.
          this.holder.lastError = textMessage(parsed.text);
          break;
      }
    });
  }

  /** Called inside holder.update. */
  private assignUrl(url: string): void {
    if (this.holder.publicUrl === url) return;
    const previous = this.holder.publicUrl ?? this.previousUrl;
    if (previous && previous !== url) {
      this.holder.hint('url_changed', healthMessage('tunnel.cloudflared.url_changed', { url }));
    }
    this.holder.publicUrl = url;
    this.holder.verification = null;
    if (this.holder.state === 'starting' || this.holder.state === 'failed') this.holder.state = 'url_assigned';
  }

  private markConnected(connections: number): void {
    this.connectedEvidenceAt = performance.now();
    this.holder.connections = connections;
    this.attempt = 0;
    this.holder.clearHint('rate_limited', 'exited');
    if (this.holder.publicUrl && (this.holder.state === 'url_assigned' || this.holder.state === 'degraded' || this.holder.state === 'starting')) {
      // Back from a short loss of the edge: the URL is the same, so an earlier verification holds.
      this.holder.state = this.holder.verification?.ok ? 'verified' : 'connected';
    }
  }

  private async poll(generation: number): Promise<void> {
    const base = this.metrics;
    if (!base || generation !== this.generation) return;
    const get = async (path: string) => {
      try {
        const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(Math.max(500, this.pollMs)) });
        const text = await response.text();
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // /ready may answer plain text on old versions
        }
        return { status: response.status, json: json as Record<string, unknown> | null };
      } catch {
        return null;
      }
    };
    if (!this.holder.publicUrl) {
      const quick = await get('/quicktunnel');
      const hostname = quick?.json?.hostname;
      if (generation !== this.generation) return;
      if (typeof hostname === 'string' && hostname) this.holder.update(() => this.assignUrl(`https://${hostname.toLowerCase()}`));
    }
    const asked = performance.now();
    const ready = await get('/ready');
    if (generation !== this.generation || !ready) return;
    const connections = Number(ready.json?.readyConnections ?? (ready.status === 200 ? 1 : 0));
    this.holder.update(() => {
      if (ready.status === 200 && connections > 0) {
        this.markConnected(connections);
      } else if (asked > this.connectedEvidenceAt) {
        this.holder.connections = connections;
        if (this.holder.state === 'connected' || this.holder.state === 'verified') {
          this.holder.state = 'degraded';
          this.holder.lastError = healthMessage('tunnel.cloudflared.no_connection');
        }
      }
    });
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  private scheduleRestart(): void {
    if (!this.running) return;
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempt);
    this.attempt += 1;
    const generation = this.generation;
    this.holder.update(() => {
      this.holder.nextRetryAt = new Date(Date.now() + delay);
    });
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.running || generation !== this.generation) return;
      this.holder.update(() => {
        this.holder.restarts += 1;
      });
      void this.launch();
    }, delay);
    this.retry.unref();
  }
}
