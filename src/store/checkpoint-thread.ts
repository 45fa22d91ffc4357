// Copies the WAL back into the database file, on its own thread. SQLite would otherwise checkpoint
// inside whichever commit crosses the WAL threshold, and that delivery's answer would wait for a
// few megabytes of writes and an fsync of the database file. A checkpoint here runs beside the
// writer (WAL allows it), so no acknowledgement waits for one.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database.js';

export interface CheckpointThreadData {
  file: string;
  everyMs: number;
}

const { file, everyMs } = workerData as CheckpointThreadData;
const db = openDatabase(file, { migrate: false, autoCheckpoint: false });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or briefly locked: the next tick checkpoints whatever is left.
  }
}, everyMs);

parentPort?.on('message', (message: { close?: boolean }) => {
  if (!message.close) return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
