// Waiting for SimplyPrint's `test` delivery (after TriggerTestWebhook, or after the technician
// pressed "Test" in the panel), and saying what happened when it is not a clean arrival: refused
// for its secret, POSTed to another path of the receiver, or nothing at all.
import type { PushHub } from '../push-hub.js';
import type { EventItem, RejectionItem } from '../shared/schemas.js';
import type { TestOutcome, TestWaitResult } from '../shared/setup.js';
import type { Db } from '../store/database.js';
import type { createRejectionReader } from '../store/rejection-reader.js';

export interface TestWaitInputs {
  hub: PushHub;
  db: Db;
  rejections: ReturnType<typeof createRejectionReader>;
  sinceMs: number;
  timeoutMs: number;
  /** What the other checks say, for the "nothing arrived" answer. */
  diagnose(): Promise<string[]>;
  signal?: AbortSignal;
}

/** A refused body that looks like SimplyPrint's envelope (so a scanner's POST is not taken for it). */
function envelopeEvent(sample: string): string | null {
  try {
    const body = JSON.parse(sample) as { event?: unknown };
    return typeof body.event === 'string' ? body.event : null;
  } catch {
    // A sample cut at 4 KiB is not valid JSON: fall back to spotting the field.
    return /"event"\s*:\s*"([^"]{1,100})"/.exec(sample)?.[1] ?? null;
  }
}

const relevantRejection = (r: RejectionItem, sinceMs: number) =>
  Date.parse(r.receivedAt) >= sinceMs && r.reason !== 'wrong_method' && envelopeEvent(r.bodySample) !== null;

function arrived(eventId: string, waitedMs: number): TestWaitResult {
  return { outcome: 'arrived', eventId, path: null, rejectionId: null, waitedMs, message: 'SimplyPrint\u2019s test delivery arrived and was stored.', diagnosis: [] };
}

/**
 * A `test` event stored, or re-delivered, since then. Two test deliveries within one second have
 * identical bodies (SimplyPrint's timestamp is in seconds), so the second is kept as a duplicate of
 * the first: it arrived all the same.
 */
function testSeenSince(db: Db, sinceMs: number): string | null {
  const row = db
    .prepare("SELECT id FROM events WHERE event = 'test' AND (received_at >= ? OR last_duplicate_at >= ?) ORDER BY id DESC LIMIT 1")
    .get(sinceMs, sinceMs) as { id: number } | undefined;
  return row ? String(row.id) : null;
}

const isTest = (event: EventItem) => event.event === 'test';

function fromRejection(r: RejectionItem, waitedMs: number): TestWaitResult {
  const outcome: TestOutcome =
    r.reason === 'wrong_secret' ? 'wrong_secret' : r.reason === 'missing_secret' ? 'missing_secret' : r.reason === 'wrong_path' ? 'wrong_path' : 'refused_other';
  const message = {
    wrong_secret: 'A delivery arrived but was refused: its secret differs from FarmHook\u2019s. Put the same secret in SimplyPrint\u2019s webhook (or let FarmHook update the webhook).',
    missing_secret: 'A delivery arrived without a secret and was refused. Enter FarmHook\u2019s secret in SimplyPrint\u2019s webhook settings.',
    wrong_path: `A delivery reached FarmHook but at the wrong path (${r.path}). The webhook URL must end in /api/v1/simplyprint/webhook.`,
    refused_other: `A delivery arrived but was refused: ${r.message}`,
    arrived: '',
    nothing: '',
  }[outcome];
  return { outcome, eventId: null, path: r.path, rejectionId: r.id, waitedMs, message, diagnosis: [] };
}

export async function waitForTestDelivery(inputs: TestWaitInputs): Promise<TestWaitResult> {
  const started = Date.now();
  const waited = () => Date.now() - started;
  let finish: (result: TestWaitResult) => void = () => {};
  const done = new Promise<TestWaitResult>((resolve) => (finish = resolve));
  // Subscribe before looking back, so a delivery between the two is not missed.
  const unsubscribe = inputs.hub.subscribe((push) => {
    if (push.type === 'event.stored' && isTest(push.event) && Date.parse(push.event.receivedAt) >= inputs.sinceMs) finish(arrived(push.event.id, waited()));
    else if (push.type === 'event.duplicate' && testSeenSince(inputs.db, inputs.sinceMs) === push.id) finish(arrived(push.id, waited()));
    else if (push.type === 'rejection.recorded' && relevantRejection(push.rejection, inputs.sinceMs)) finish(fromRejection(push.rejection, waited()));
  });
  const timer = setTimeout(() => finish(nothing()), inputs.timeoutMs);
  const abort = () => finish(nothing());
  inputs.signal?.addEventListener('abort', abort, { once: true });
  function nothing(): TestWaitResult {
    return { outcome: 'nothing', eventId: null, path: null, rejectionId: null, waitedMs: waited(), message: 'Nothing from SimplyPrint reached FarmHook yet.', diagnosis: [] };
  }
  try {
    const stored = testSeenSince(inputs.db, inputs.sinceMs);
    if (stored) return arrived(stored, waited());
    const refused = inputs.rejections.list({ limit: 50 }).items.filter((r) => relevantRejection(r, inputs.sinceMs)).at(-1);
    if (refused) return fromRejection(refused, waited());
    const result = await done;
    if (result.outcome === 'nothing' && !inputs.signal?.aborted) result.diagnosis = await inputs.diagnose();
    return result;
  } finally {
    unsubscribe();
    clearTimeout(timer);
    inputs.signal?.removeEventListener('abort', abort);
  }
}
