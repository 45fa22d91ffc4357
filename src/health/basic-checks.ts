// The checks FarmHook can make about itself: is the receiver up, is a secret set, can it write, is
// there disk space, is the database sound, and when did the last delivery arrive.
import { randomBytes } from 'node:crypto';
import { statfs, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { healthMessage, type HealthMessage } from '../shared/health-messages.js';
import type { CheckStatus, HealthCheck, HealthReport } from '../shared/schemas.js';
import type { Db } from '../store/database.js';
import { buildCheck, nested, textMessage } from './check.js';

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

function ago(ms: number): HealthMessage {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return healthMessage('time.ago.now');
  if (minutes < 120) return healthMessage('time.ago.minutes', { minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? healthMessage('time.ago.hours', { hours }) : healthMessage('time.ago.days', { days: Math.round(hours / 24) });
}

/** Is the receiver listening (also checked on its own by the alerts room). */
export function receiverCheck(receiver: HealthInputs['receiver'], at: number): HealthCheck {
  const { listening, host, port, error } = receiver;
  return listening
    ? buildCheck('receiver.listening', 'Receiver', 'ok', healthMessage('receiver.listening.ok', { host, port }), null, at)
    : buildCheck(
        'receiver.listening',
        'Receiver',
        'problem',
        // The listen failure's own words (src/listen-error.ts), which name the port and the way out.
        error === null ? healthMessage('receiver.listening.not_listening', { host, port }) : textMessage(error),
        healthMessage('receiver.listening.action'),
        at,
      );
}

export function createBasicChecks(inputs: HealthInputs) {
  const now = inputs.now ?? Date.now;
  let integrity: { at: number; result: string } | null = null;

  const check = (id: string, title: string, status: CheckStatus, finding: HealthMessage, action: HealthMessage | null = null): HealthCheck =>
    buildCheck(id, title, status, finding, action, now());

  async function writable(): Promise<HealthCheck> {
    const dir = inputs.dataDir;
    const probe = join(dir, `.write-check-${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(probe, 'ok');
      await unlink(probe);
      return check('storage.writable', 'Data folder writable', 'ok', healthMessage('storage.writable.ok', { dir }));
    } catch (error) {
      return check('storage.writable', 'Data folder writable', 'problem', healthMessage('storage.writable.failed', { dir, error: (error as Error).message }), healthMessage('storage.writable.action'));
    }
  }

  async function disk(): Promise<HealthCheck> {
    try {
      const stats = await statfs(inputs.dataDir);
      const free = stats.bavail * stats.bsize;
      const share = free / (stats.blocks * stats.bsize);
      const text = healthMessage('storage.disk.free', { free: (free / GIB).toFixed(1), percent: Math.round(share * 100) });
      if (free < 0.2 * GIB) return check('storage.disk', 'Disk space', 'problem', text, healthMessage('storage.disk.full_action'));
      if (free < GIB || share < 0.05) return check('storage.disk', 'Disk space', 'warning', text, healthMessage('storage.disk.low_action'));
      return check('storage.disk', 'Disk space', 'ok', text);
    } catch (error) {
      return check('storage.disk', 'Disk space', 'unknown', healthMessage('storage.disk.unknown', { error: (error as Error).message }));
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
      ? check('database.integrity', 'Database', 'ok', healthMessage('database.integrity.ok'))
      : check('database.integrity', 'Database', 'problem', healthMessage('database.integrity.failed', { result: integrity.result }), healthMessage('database.integrity.action'));
  }

  const receiver = (): HealthCheck => receiverCheck(inputs.receiver, now());

  function secret(): HealthCheck {
    return inputs.secretConfigured
      ? check('receiver.secret', 'Webhook secret', 'ok', healthMessage('receiver.secret.ok'))
      : check('receiver.secret', 'Webhook secret', 'warning', healthMessage('receiver.secret.missing'), healthMessage('receiver.secret.action'));
  }

  function lastDelivery(): HealthCheck {
    const last = inputs.lastReceivedAt();
    if (last === null) return check('deliveries.last', 'Last delivery', 'unknown', healthMessage('deliveries.last.none'), healthMessage('deliveries.last.none_action'));
    const age = now() - last;
    return check('deliveries.last', 'Last delivery', age > 6 * 3_600_000 ? 'warning' : 'ok', healthMessage('deliveries.last.at', { ago: nested(ago(age)), at: new Date(last).toISOString() }));
  }

  return async function runChecks(): Promise<HealthReport> {
    const checks = [receiver(), secret(), await writable(), await disk(), database(), lastDelivery()];
    return { status: overallStatus(checks), checks };
  };
}
