// Fills a data dir with N stored deliveries through the real ingest path (same statements, same hooks
// as `farmhook serve`), in large batches, for the read-side benchmarks.
import { join } from 'node:path';
import { DATABASE_FILE, ROOM_HOOKS } from '../src/app.js';
import { openDatabase } from '../src/store/database.js';
import { inlineWriter } from '../src/store/batch-writers.js';
import { IngestQueue, type ParsedDelivery } from '../src/store/ingest-queue.js';
import type { IngestHookRef } from '../src/store/hooks.js';

const EVENTS = ['job.started', 'job.done', 'job.failed', 'job.paused', 'job.resumed', 'job.cancelled', 'queue.add_item', 'filament.assigned', 'printer.material_changed', 'maintenance.job_overdue'];
const FILES = ['Кронштейн_v2.gcode', 'benchy.gcode', 'gear-housing.3mf', 'clip_x40.gcode', 'Шестерня.3mf'];

export async function fillEvents(dataDir: string, count: number, hooks: readonly IngestHookRef[] = ROOM_HOOKS, days = 30): Promise<void> {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  // Same statements and hooks as the service, committed inline: this process does nothing else.
  const queue = new IngestQueue(await inlineWriter(db, hooks));
  const start = Date.now() - days * 86_400_000;
  const step = (days * 86_400_000) / count;
  const BATCH = 20_000;

  const delivery = (i: number): ParsedDelivery => {
    const printer = i % 20;
    const body = {
      webhook_id: 311,
      event: EVENTS[i % EVENTS.length],
      timestamp: Math.floor((start + i * step) / 1000),
      data: {
        job: { id: 100_000 + Math.floor(i / 5), printer_id: printer, state: 'printing', file: FILES[i % FILES.length], printer: { id: printer, name: `Принтер ${printer}` } },
        user: { id: 7, first_name: 'Alex', last_name: 'Johnson' },
        seq: i,
      },
    };
    return { raw: Buffer.from(JSON.stringify(body)), body, headers: { 'content-type': 'application/json' }, remoteAddress: '127.0.0.1', receivedAt: Math.floor(start + i * step) };
  };

  for (let i = 0; i < count; i += BATCH) {
    const batch: Promise<unknown>[] = [];
    for (let j = i; j < Math.min(count, i + BATCH); j++) batch.push(queue.submit(delivery(j)));
    await Promise.all(batch);
  }
  await queue.close();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
