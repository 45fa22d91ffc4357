// Writes the receiver's port and bind address into `<data-dir>/config.json`, the file
// resolveConfig reads at start (flags and FARMHOOK_* variables still win over it). Other keys in the
// file are kept. Replaced atomically so a crash never leaves half a file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ListenSettings {
  host?: string;
  port?: number;
}

export function configFilePath(dataDir: string): string {
  return join(dataDir, 'config.json');
}

export function readListenSettings(dataDir: string): ListenSettings {
  const file = configFilePath(dataDir);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof parsed.host === 'string' ? { host: parsed.host } : {}),
      ...(parsed.port !== undefined && Number.isInteger(Number(parsed.port)) ? { port: Number(parsed.port) } : {}),
    };
  } catch {
    return {};
  }
}

export function writeListenSettings(dataDir: string, change: ListenSettings): void {
  const file = configFilePath(dataDir);
  let current: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new Error(`${file} is not valid JSON: fix or delete it before changing the port here.`);
    }
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ ...current, ...change }, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
