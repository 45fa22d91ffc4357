// The floor receiver's writer thread (see floor-receiver.mjs): one table, one unique index, one
// synchronous=FULL transaction for every batch waiting, a passive checkpoint every 500 commits.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = 0');
db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, hash BLOB NOT NULL UNIQUE, raw BLOB NOT NULL)');
const insert = db.prepare('INSERT INTO events (received_at, hash, raw) VALUES (?, ?, ?)');
const existing = db.prepare('SELECT id FROM events WHERE hash = ?').pluck();
const commit = db.transaction((bodies) =>
  bodies.map((body) => {
    const raw = Buffer.from(body);
    const hash = createHash('sha256').update(raw).digest().subarray(0, 16);
    return existing.get(hash) ?? Number(insert.run(Date.now(), hash, raw).lastInsertRowid);
  }),
);

let commits = 0;
parentPort.on('message', (first) => {
  const group = [first];
  for (let next = receiveMessageOnPort(parentPort); next; next = receiveMessageOnPort(parentPort)) group.push(next.message);
  const ids = commit.immediate(group.flatMap((message) => message.bodies));
  let offset = 0;
  for (const { batch, bodies } of group) {
    parentPort.postMessage({ batch, ids: ids.slice(offset, offset + bodies.length) });
    offset += bodies.length;
  }
  if (++commits % 500 === 0) db.pragma('wal_checkpoint(PASSIVE)');
});
parentPort.postMessage('ready');
