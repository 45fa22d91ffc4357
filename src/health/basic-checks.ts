// The checks FarmHook can make about itself: is the receiver up, is a secret set, can it write, is
// there disk space, is the database sound, and when did the last delivery arrive.
import { randomBytes } from 'node:crypto';
import { statfs, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckStatus, HealthCheck, HealthReport } from '../shared/schemas.js';
import type { Db } from '../store/database.js';

export interface HealthInputs {
  db: Db;
  dataDir: string;
  receiver: { listening: boolean; host: string; port: number; error: string | null };
  secretConfigured: boolean;
  lastReceivedAt(): number | null;
  now?: () => number;
}

const GIB = 1024 ** 3;
/** quick_check reads the whole file: run it at most this often. */
const INTEGRITY_EVERY_MS = 6 * 3_600_000;

const RANK: Record<CheckStatus, number> = { ok: 0, unknown: 1, warning: 2, problem: 3 };

export function overallStatus(checks: readonly HealthCheck[]): CheckStatus {
  return checks.reduce<CheckStatus>((worst, check) => (RANK[check.status] > RANK[worst] ? check.status : worst), 'ok');
}

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute ago';
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function createBasicChecks(inputs: HealthInputs) {
  const now = inputs.now ?? Date.now;
  let integrity: { at: number; result: string } | null = null;

  const check = (id: string, title: string, status: CheckStatus, finding: string, action: string | null = null): HealthCheck => ({
    id,
    title,
    status,
    finding,
    action,
    checkedAt: new Date(now()).toISOString(),
  });

  async function writable(): Promise<HealthCheck> {
    const probe = join(inputs.dataDir, `.write-check-${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(probe, 'ok');
      await unlink(probe);
      return check('storage.writable', 'Data folder writable', 'ok', `FarmHook can write to ${inputs.dataDir}.`);
    } catch (error) {
      return check('storage.writable', 'Data folder writable', 'problem', `Cannot write to ${inputs.dataDir}: ${(error as Error).message}.`, 'Check the folder permissions and that the disk is mounted read-write.');
    }
  }

  async function disk(): Promise<HealthCheck> {
    try {
      const stats = await statfs(inputs.dataDir);
      const free = stats.bavail * stats.bsize;
      const share = free / (stats.blocks * stats.bsize);
      const text = `${(free / GIB).toFixed(1)} GiB free (${Math.round(share * 100)}%) on the data disk.`;
      if (free < 0.2 * GIB) return check('storage.disk', 'Disk space', 'problem', text, 'Free disk space now: new deliveries cannot be stored once the disk is full.');
      if (free < GIB || share < 0.05) return check('storage.disk', 'Disk space', 'warning', text, 'Free some disk space or delete old events.');
      return check('storage.disk', 'Disk space', 'ok', text);
    } catch (error) {
      return check('storage.disk', 'Disk space', 'unknown', `Could not read free space: ${(error as Error).message}.`);
    }
  }

  function database(): HealthCheck {
    if (!integrity || now() - integrity.at > INTEGRITY_EVERY_MS) {
      try {
        // The store only: the attached search file is derived data, rebuilt when it breaks.
        const rows = inputs.db.pragma('main.quick_check') as { quick_check: string }[];
        integrity = { at: now(), result: rows.map((row) => row.quick_check).join('; ') };
      } catch (error) {
        integrity = { at: now(), result: (error as Error).message };
      }
    }
    return integrity.result === 'ok'
      ? check('database.integrity', 'Database', 'ok', 'The database passed its integrity check.')
      : check('database.integrity', 'Database', 'problem', `The database integrity check failed: ${integrity.result}.`, 'Stop FarmHook, back up the data folder and contact support.');
  }

  function receiver(): HealthCheck {
    const { listening, host, port, error } = inputs.receiver;
    return listening
      ? check('receiver.listening', 'Receiver', 'ok', `Listening on ${host}:${port}.`)
      : check('receiver.listening', 'Receiver', 'problem', error ?? `Not listening on ${host}:${port}.`, 'Free the port or choose another one, then restart FarmHook.');
  }

  function secret(): HealthCheck {
    return inputs.secretConfigured
      ? check('receiver.secret', 'Webhook secret', 'ok', 'Deliveries must carry the webhook secret.')
      : check('receiver.secret', 'Webhook secret', 'warning', 'No webhook secret is set: anyone who can reach the port can post events.', 'Set a secret (--secret, FARMHOOK_SECRET or config.json) and the same one in SimplyPrint.');
  }

  function lastDelivery(): HealthCheck {
    const last = inputs.lastReceivedAt();
    if (last === null) return check('deliveries.last', 'Last delivery', 'unknown', 'Nothing has been received yet.', "Point SimplyPrint's webhook at this receiver and press Test.");
    const age = now() - last;
    return check('deliveries.last', 'Last delivery', age > 6 * 3_600_000 ? 'warning' : 'ok', `Last delivery ${ago(age)} (${new Date(last).toISOString()}).`);
  }

  return async function runChecks(): Promise<HealthReport> {
    const checks = [receiver(), secret(), await writable(), await disk(), database(), lastDelivery()];
    return { status: overallStatus(checks), checks };
  };
}
