// The disk's own floor for an acknowledgement: how long an fsync of a small overwrite takes here
// (a commit of a few deliveries writes about a dozen 4 KiB WAL pages and fsyncs them once). With
// four senders a delivery can wait for the commit in progress and then its own, so FarmHook's p99
// cannot go below about two of these.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../test/helpers/temp-dir.js';

const PAGES = 12;
const PAGE = 4096;

export function fsyncFloor(samples = 3000): { p50: number; p99: number } {
  const dir = tempDir('farmhook-bench-fsync-');
  const file = join(dir.path, 'probe');
  const fd = openSync(file, 'w+');
  const span = PAGE * PAGES * 100;
  try {
    writeSync(fd, Buffer.alloc(span));
    fsyncSync(fd);
    const buffer = Buffer.alloc(PAGE * PAGES, 7);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      writeSync(fd, buffer, 0, buffer.length, (i * buffer.length) % span);
      fsyncSync(fd);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(samples / 2)]!, p99: times[Math.floor(samples * 0.99)]! };
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
    dir.remove();
  }
}
