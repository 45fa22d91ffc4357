// What a tunnel reports, kept in one place for both providers: the state, the public URL, hints in
// plain words, and who to tell when any of it changes.
import { englishOf, type HealthMessage } from '../../shared/health-messages.js';
import type { ProbeResult, TunnelHintCode, TunnelState, TunnelStatus } from '../../shared/setup.js';

export interface Tunnel {
  start(): void;
  stop(): Promise<void>;
  status(): TunnelStatus;
  /** The outcome of probing the public URL through the tunnel (by the setup room). */
  setVerification(result: ProbeResult): void;
}

export type TunnelListener = (status: TunnelStatus, previousUrl: string | null) => void;

export class TunnelStateHolder {
  state: TunnelState = 'stopped';
  publicUrl: string | null = null;
  since = new Date();
  restarts = 0;
  nextRetryAt: Date | null = null;
  connections: number | null = null;
  /** The last error, as a health catalogue message (the status carries its English text too). */
  lastError: HealthMessage | null = null;
  verification: ProbeResult | null = null;
  private readonly hints = new Map<TunnelHintCode, HealthMessage>();

  constructor(
    private readonly provider: TunnelStatus['provider'],
    private readonly listener: TunnelListener,
  ) {}

  /** Applies a change and tells the listener once, only if something visible changed. */
  update(change: () => void): void {
    const before = JSON.stringify(this.snapshot());
    const previousUrl = this.publicUrl;
    const previousState = this.state;
    change();
    if (this.state !== previousState) this.since = new Date();
    const after = this.snapshot();
    if (JSON.stringify(after) !== before) this.listener(after, previousUrl);
  }

  hint(code: TunnelHintCode, message: HealthMessage): void {
    this.hints.set(code, message);
  }

  clearHint(...codes: TunnelHintCode[]): void {
    for (const code of codes) this.hints.delete(code);
  }

  hasHint(code: TunnelHintCode): boolean {
    return this.hints.has(code);
  }

  snapshot(): TunnelStatus {
    return {
      provider: this.provider,
      state: this.state,
      publicUrl: this.publicUrl,
      since: this.since.toISOString(),
      restarts: this.restarts,
      nextRetryAt: this.nextRetryAt?.toISOString() ?? null,
      connections: this.connections,
      lastError: this.lastError === null ? null : englishOf(this.lastError),
      lastErrorRef: this.lastError,
      hints: [...this.hints].map(([code, message]) => ({ code, message: englishOf(message), messageRef: message })),
      verification: this.verification,
    };
  }
}

export function stoppedStatus(): TunnelStatus {
  return new TunnelStateHolder(null, () => {}).snapshot();
}
