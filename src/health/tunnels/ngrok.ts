// Watches an ngrok agent the technician runs (`ngrok http <port>`, with their authtoken) through the
// agent's local API, `GET http://127.0.0.1:4040/api/tunnels`, which lists each tunnel's
// `public_url` and `config.addr`. FarmHook does not start ngrok itself (the @ngrok/ngrok library
// would download a native binary); it finds the tunnel that forwards to the receiver's port.
import { healthMessage } from '../../shared/health-messages.js';
import type { ProbeResult } from '../../shared/setup.js';
import { nested, textMessage } from '../check.js';
import { TunnelStateHolder, type Tunnel, type TunnelListener } from './tunnel-state.js';

export interface NgrokOptions {
  apiUrl: string;
  /** The receiver's port: the tunnel whose `config.addr` ends in it is ours. */
  port: number;
  onChange: TunnelListener;
  pollMs?: number;
}

interface AgentTunnel {
  public_url?: unknown;
  proto?: unknown;
  config?: { addr?: unknown };
}

/** `http://localhost:13000`, `localhost:13000`, `127.0.0.1:13000` and `13000` all forward to 13000. */
export function forwardsToPort(addr: unknown, port: number): boolean {
  if (typeof addr !== 'string' && typeof addr !== 'number') return false;
  const text = String(addr).trim();
  return text === String(port) || new RegExp(`:${port}/?$`).test(text);
}

export class NgrokWatcher implements Tunnel {
  private readonly holder: TunnelStateHolder;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly options: NgrokOptions) {
    this.holder = new TunnelStateHolder('ngrok', options.onChange);
  }

  status() {
    return this.holder.snapshot();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.holder.update(() => {
      this.holder.state = 'starting';
    });
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? 3_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.holder.update(() => {
      this.holder.state = 'stopped';
      this.holder.publicUrl = null;
      this.holder.verification = null;
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
        this.holder.hint('not_verified', healthMessage('tunnel.ngrok.not_verified', { probe: nested(result.messageRef ?? textMessage(result.message)) }));
      }
    });
  }

  private async poll(): Promise<void> {
    let tunnels: AgentTunnel[];
    try {
      const response = await fetch(`${this.options.apiUrl.replace(/\/+$/, '')}/api/tunnels`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as { tunnels?: unknown };
      tunnels = Array.isArray(body.tunnels) ? (body.tunnels as AgentTunnel[]) : [];
    } catch {
      if (!this.running) return;
      this.holder.update(() => {
        this.holder.state = 'failed';
        this.holder.publicUrl = null;
        this.holder.lastError = healthMessage('tunnel.ngrok.no_agent', { url: this.options.apiUrl });
        this.holder.clearHint('no_matching_tunnel');
        this.holder.hint('agent_not_running', healthMessage('tunnel.ngrok.start_agent', { port: this.options.port }));
      });
      return;
    }
    if (!this.running) return;
    const ours = tunnels.filter((t) => forwardsToPort(t.config?.addr, this.options.port) && typeof t.public_url === 'string');
    // Prefer HTTPS when the agent opened both.
    const chosen = ours.find((t) => String(t.public_url).startsWith('https://')) ?? ours[0];
    this.holder.update(() => {
      this.holder.clearHint('agent_not_running');
      if (!chosen) {
        this.holder.state = 'failed';
        this.holder.publicUrl = null;
        this.holder.lastError = healthMessage('tunnel.ngrok.no_matching_tunnel', { port: this.options.port });
        this.holder.hint('no_matching_tunnel', healthMessage('tunnel.ngrok.wrong_port', { port: this.options.port }));
        return;
      }
      this.holder.clearHint('no_matching_tunnel');
      const url = String(chosen.public_url).replace(/\/+$/, '');
      if (this.holder.publicUrl && this.holder.publicUrl !== url) {
        this.holder.hint('url_changed', healthMessage('tunnel.ngrok.url_changed', { url }));
        this.holder.verification = null;
      }
      if (this.holder.publicUrl !== url) this.holder.state = 'connected';
      this.holder.publicUrl = url;
      this.holder.lastError = null;
      // The agent lists a tunnel only once it is established with ngrok's edge.
      if (this.holder.state !== 'verified') this.holder.state = 'connected';
      this.holder.connections = 1;
    });
  }
}
