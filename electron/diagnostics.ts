// "Export diagnostics": one zip a technician can send to support — the logs, the settings with every
// secret removed, the health report, and figures about the database (never its contents, never the
// control token or the secrets file).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Db } from '../src/store/database.js';

/** Keys whose values never leave the machine, at any depth. */
const SECRET_KEY = /secret|token|password|passphrase|api[-_]?key|authorization|credential|cookie/i;
/** The newest part of a log is what support needs; a runaway log must not make a huge zip. */
const MAX_LOG_BYTES = 20 * 1024 * 1024;

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_KEY.test(key) ? '(removed)' : withoutSecrets(inner)]),
  );
}

export function databaseFigures(db: Db): Record<string, unknown> {
  const pragma = (name: string) => db.pragma(name, { simple: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
  return {
    sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    pageSize: pragma('page_size'),
    pageCount: pragma('page_count'),
    freelistCount: pragma('freelist_count'),
    journalMode: pragma('journal_mode'),
    migrations: db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY applied_at').all(),
    rows: Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n])),
  };
}

function readTail(file: string): Uint8Array {
  const size = statSync(file).size;
  const all = readFileSync(file);
  return size > MAX_LOG_BYTES ? all.subarray(size - MAX_LOG_BYTES) : all;
}

export interface DiagnosticsInput {
  dataDir: string;
  /** Folders whose *.log files are included (the core's and the shell's). */
  logDirs: readonly string[];
  db: Db;
  /** Everything else worth a look (status, health, alert settings...), secrets removed here. */
  reports: Record<string, unknown>;
  now: number;
}

export function buildDiagnosticsZip(input: DiagnosticsInput): Uint8Array {
  const json = (value: unknown) => strToU8(`${JSON.stringify(withoutSecrets(value), null, 2)}\n`);
  const files: Zippable = {};
  files['README.txt'] = strToU8(
    `FarmHook diagnostics, ${new Date(input.now).toISOString()}.\nLogs, settings without secrets, health and database figures. No events, no payloads, no secrets.\n`,
  );
  const configFile = join(input.dataDir, 'config.json');
  if (existsSync(configFile)) {
    let config: unknown;
    try {
      config = JSON.parse(readFileSync(configFile, 'utf8'));
    } catch {
      config = { unreadable: 'config.json is not valid JSON' };
    }
    files['settings/config.json'] = json(config);
  }
  for (const [name, value] of Object.entries(input.reports)) files[`reports/${name}.json`] = json(value);
  try {
    files['database.json'] = json(databaseFigures(input.db));
  } catch (error) {
    files['database.json'] = json({ error: (error as Error).message });
  }
  for (const dir of input.logDirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!/\.log(\.\d+)?$|\.\d+\.log$|\.old\.log$/.test(name)) continue;
      files[`logs/${basename(dir)}/${name}`] = readTail(join(dir, name));
    }
  }
  return zipSync(files, { level: 6, mtime: new Date(input.now) });
}
