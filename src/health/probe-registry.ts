// Reachability probes: FarmHook sends a request carrying a one-time nonce to one of its own
// addresses (a LAN address, the public URL) and checks that the nonce arrives at its receiver.
// The receiver answers a POST to the webhook path that carries `X-FarmHook-Probe: <nonce>` before
// any other check, records the arrival here (in memory only: a probe is never stored as an event
// or a rejection) and echoes the nonce. A nonce this FarmHook did not issue gets a 404, so another
// FarmHook behind a misrouted proxy is recognised as the wrong service.
import { randomBytes } from 'node:crypto';

export const PROBE_HEADER = 'x-farmhook-probe';
/** Set on the answer to a nonce this FarmHook did not issue: another FarmHook was reached. */
export const UNKNOWN_PROBE_HEADER = 'x-farmhook-unknown-probe';
/** A nonce is good for this long; probes time out well before. */
const NONCE_TTL_MS = 120_000;

export interface ProbeArrival {
  at: number;
  remoteAddress: string | null;
  host: string | null;
}

export interface ProbeAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export class ProbeRegistry {
  private readonly pending = new Map<string, { issuedAt: number; arrival: ProbeArrival | null }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    this.prune();
    const nonce = randomBytes(16).toString('hex');
    this.pending.set(nonce, { issuedAt: this.now(), arrival: null });
    return nonce;
  }

  /** Called by the receiver for a request carrying the probe header. */
  answer(nonce: string, remoteAddress: string | null, host: string | null): ProbeAnswer {
    const entry = this.pending.get(nonce);
    if (!entry) return { status: 404, headers: { [UNKNOWN_PROBE_HEADER]: '1' }, body: { status: 'rejected', error: 'unknown_probe', message: 'This FarmHook did not send that probe.' } };
    entry.arrival ??= { at: this.now(), remoteAddress, host };
    return { status: 200, headers: { [PROBE_HEADER]: nonce }, body: { status: 'probe', nonce } };
  }

  arrival(nonce: string): ProbeArrival | null {
    return this.pending.get(nonce)?.arrival ?? null;
  }

  /** Forget a nonce once its probe is over. */
  settle(nonce: string): void {
    this.pending.delete(nonce);
  }

  private prune(): void {
    const cutoff = this.now() - NONCE_TTL_MS;
    for (const [nonce, entry] of this.pending) if (entry.issuedAt < cutoff) this.pending.delete(nonce);
  }
}
