// Where this package lives on disk and what version it is, found from this file's own location so it
// works the same from src/ (tests), dist/src/ (the CLI) and inside the packaged Electron app.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'farmhook') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the farmhook package root');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const DASHBOARD_DIR = join(PACKAGE_ROOT, 'dist', 'renderer');
