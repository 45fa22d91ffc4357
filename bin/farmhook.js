#!/usr/bin/env node
// The `farmhook` command. `npm ci` builds the TypeScript (the `prepare` script), so a checkout runs
// `npx farmhook serve` without anyone knowing there is a build step; this only explains a missing build.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('FarmHook is not built in this checkout yet. Run `npm ci` (or `npm run build`) first.');
  process.exit(1);
}
await import(entry.href);
