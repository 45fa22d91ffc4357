// The time- and health-driven rules: the receiver is not listening, nothing arrived for hours while
// printers were printing, SimplyPrint keeps sending the wrong secret, the disk is filling up, the
// database fails. Each is a condition: raised while it holds, resolved once it stays clear.
import type { HealthCheck } from '../shared/schemas.js';
import { Transition, type EngineState, type Refusal, type Step } from './engine.js';

export const SILENCE_KEY = 'deliveries.silent';
export const WRONG_SECRET_KEY = 'deliveries.wrong_secret';
export const RECEIVER_KEY = 'receiver.not_listening';
export const DISK_KEY = 'storage.disk';
export const INGEST_ERROR_KEY = 'database.error:ingest';
export const WEBHOOK_KEY = 'simplyprint.webhook';
export const forwardStoppedKey = (destinationId: number) => `forward.stopped:${destinationId}`;
const DATABASE_CHECK_KEYS: Record<string, string> = {
  'database.integrity': 'database.error:integrity',
  'storage.writable': 'database.error:writable',
};

/** A printer "printing" for longer than this lost its end event; it no longer counts. */
export const PRINTING_FORGOTTEN_MS = 72 * 3_600_000;
/** Refusals kept in memory at most (a flood must not grow the state without bound). */
const MAX_REFUSALS = 10_000;

export function printingNow(state: EngineState, now: number): string[] {
  return [...state.printing].filter(([, since]) => now - since < PRINTING_FORGOTTEN_MS).map(([printerId]) => printerId);
}

export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** Every minute or so: silence, the refusal window, and conditions waiting to settle. */
export function applyTick(state: EngineState, now: number): Step {
  const t = new Transition(state, now);
  const refusals = recentRefusals(state, now);
  silence(t, state, now);
  wrongSecret(t, refusals);
  // Conditions seen clear and not seen again: resolve those that stayed clear long enough.
  for (const alert of t.openAlerts()) if (alert.clearingSince !== null) t.clear(alert.key);
  return t.finish({ refusals });
}

function silence(t: Transition, state: EngineState, now: number): void {
  const printing = printingNow(state, now);
  const limit = state.settings.noDeliveryHours * 3_600_000;
  const last = state.lastDeliveryAt;
  if (printing.length === 0 || last === null) {
    // Silence while the farm is idle is not an alert.
    t.clear(SILENCE_KEY, 0);
    return;
  }
  if (now - last < limit) {
    t.clear(SILENCE_KEY, 0);
    return;
  }
  const printers = printing.length === 1 ? '1 printer was' : `${printing.length} printers were`;
  t.raise({
    rule: 'deliveries.silent',
    key: SILENCE_KEY,
    title: `No deliveries for ${duration(now - last)} while printing`,
    message: `Nothing has arrived from SimplyPrint for ${duration(now - last)} while ${printers} printing. Check the internet connection, the tunnel or port forward, and the webhook in SimplyPrint.`,
  });
}

function recentRefusals(state: EngineState, now: number): readonly Refusal[] {
  const since = now - state.settings.wrongSecretWindowMinutes * 60_000;
  const kept = state.refusals.filter((refusal) => refusal.at > since);
  return kept.length > MAX_REFUSALS ? kept.slice(-MAX_REFUSALS) : kept;
}

function wrongSecret(t: Transition, refusals: readonly Refusal[]): void {
  const { wrongSecretThreshold: threshold, wrongSecretWindowMinutes: window } = t.settings;
  if (refusals.length === 0) return t.clear(WRONG_SECRET_KEY);
  if (refusals.length < threshold) return;
  const missing = refusals.filter((refusal) => refusal.reason === 'missing_secret').length;
  const sources = [...new Set(refusals.map((refusal) => refusal.remoteAddress).filter(Boolean))].slice(0, 3).join(', ');
  const what = missing === refusals.length ? 'without the webhook secret' : 'with a secret that does not match';
  t.raise({
    rule: 'deliveries.wrong_secret',
    key: WRONG_SECRET_KEY,
    title: 'SimplyPrint is sending a secret that does not match',
    message: `${refusals.length} deliveries were refused in the last ${window} min because they came ${what}${sources ? ` (from ${sources})` : ''}. Set the same secret in FarmHook and in SimplyPrint's webhook settings.`,
  });
}

/** A delivery refused for its secret: counted, and raised at once when the pile reaches the threshold. */
export function applyRefusal(state: EngineState, refusal: Refusal, now: number): Step {
  const withNew = { ...state, refusals: [...state.refusals, refusal] };
  const t = new Transition(withNew, now);
  const refusals = recentRefusals(withNew, now);
  wrongSecret(t, refusals);
  return t.finish({ refusals });
}

/** Health checks (all of them, or just the receiver's after a status change). */
export function applyHealth(state: EngineState, checks: readonly HealthCheck[], now: number): Step {
  const t = new Transition(state, now);
  for (const check of checks) {
    if (check.status === 'unknown') continue;
    const failing = check.status !== 'ok';
    if (check.id === 'receiver.listening') {
      if (failing) {
        t.raise({ rule: 'receiver.not_listening', key: RECEIVER_KEY, title: 'The receiver is not listening', message: withAction(check) });
      } else t.clear(RECEIVER_KEY, 0);
    } else if (check.id === 'storage.disk') {
      if (failing) {
        t.raise({
          rule: 'storage.disk',
          key: DISK_KEY,
          title: check.status === 'problem' ? 'The disk is almost full' : 'Disk space is running low',
          message: withAction(check),
          ...(check.status === 'warning' ? { severity: 'warning' as const } : {}),
        });
      } else t.clear(DISK_KEY);
    } else if (check.id === 'simplyprint.webhook') {
      // A problem means SimplyPrint delivers somewhere else (a tunnel URL that changed, a disabled
      // webhook, another secret): nothing will arrive until the webhook is fixed.
      if (check.status === 'problem') {
        t.raise({ rule: 'simplyprint.webhook', key: WEBHOOK_KEY, title: "SimplyPrint's webhook does not point at FarmHook", message: withAction(check) });
      } else if (check.status === 'ok') t.clear(WEBHOOK_KEY);
    } else if (DATABASE_CHECK_KEYS[check.id] && check.status !== 'warning') {
      const key = DATABASE_CHECK_KEYS[check.id]!;
      if (failing) t.raise({ rule: 'database.error', key, title: 'Database error', message: withAction(check) });
      else t.clear(key);
    }
  }
  return t.finish();
}

/** A batch of deliveries could not be committed (disk full, I/O error): senders got a 5xx. */
export function applyIngestError(state: EngineState, message: string, now: number): Step {
  const t = new Transition(state, now);
  t.raise({
    rule: 'database.error',
    key: INGEST_ERROR_KEY,
    title: 'Deliveries cannot be stored',
    message: `Storing a delivery failed: ${message}. SimplyPrint was answered with an error and may retry.`,
  });
  return t.finish();
}

/** A forwarding destination stopped by itself (paused after failures, or disabled by a 410), or the operator dealt with it. */
export function applyForwardState(state: EngineState, change: ForwardStateChange, now: number): Step {
  const t = new Transition(state, now);
  const key = forwardStoppedKey(change.destinationId);
  if (change.state === 'paused' || change.state === 'disabled') {
    t.raise({
      rule: 'forward.stopped',
      key,
      title: `Forwarding to ${change.name} ${change.state === 'paused' ? 'paused' : 'disabled'}`,
      message: `${change.reason} Its events wait in the outbox; fix the destination, then resume it on the Forwarding page.`,
    });
  } else t.resolve(key);
  return t.finish();
}

export interface ForwardStateChange {
  destinationId: number;
  name: string;
  state: 'paused' | 'disabled' | 'resumed' | 'deleted';
  reason: string;
}

const withAction = (check: HealthCheck) => (check.action ? `${check.finding} ${check.action}` : check.finding);
