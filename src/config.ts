// FarmHook's settings, from (highest first) command-line flags, FARMHOOK_* environment variables,
// `<data-dir>/config.json`, and defaults. The data dir itself comes from flag, env or the platform.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { DEFAULT_BODY_LIMIT } from './receiver/server.js';

export interface Config {
  host: string;
  port: number;
  controlPort: number;
  dataDir: string;
  /** null: deliveries are accepted without a secret (shown as a warning). */
  secret: string | null;
  controlToken: string;
  bodyLimit: number;
  logLevel: string;
}

/** What flags (or the Electron shell) may set; everything optional. */
export type ConfigOverrides = Partial<Omit<Config, 'controlToken'>> & { controlToken?: string };

export const DEFAULTS = { host: '0.0.0.0', port: 13000, controlPort: 13001, bodyLimit: DEFAULT_BODY_LIMIT, logLevel: 'info' };

export class ConfigError extends Error {}

export const defaultDataDir = () => envPaths('farmhook', { suffix: '' }).data;

const ENV: Record<keyof ConfigOverrides, string> = {
  host: 'FARMHOOK_HOST',
  port: 'FARMHOOK_PORT',
  controlPort: 'FARMHOOK_CONTROL_PORT',
  dataDir: 'FARMHOOK_DATA_DIR',
  secret: 'FARMHOOK_SECRET',
  controlToken: 'FARMHOOK_CONTROL_TOKEN',
  bodyLimit: 'FARMHOOK_BODY_LIMIT',
  logLevel: 'FARMHOOK_LOG_LEVEL',
};

function port(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number (0-65535), not "${String(value)}".`);
  return n;
}

function positive(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive whole number of bytes, not "${String(value)}".`);
  return n;
}

function readConfigFile(dataDir: string): ConfigOverrides {
  const file = join(dataDir, 'config.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ConfigOverrides;
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON (${(error as Error).message}). Fix or delete it.`);
  }
}

function fromEnv(env: NodeJS.ProcessEnv): ConfigOverrides {
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as ConfigOverrides;
}

/** The control token: given, or kept in `<data-dir>/control-token` (created 0600 on first start). */
export function ensureControlToken(dataDir: string, given?: string): string {
  if (given) return given;
  const file = join(dataDir, 'control-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

export function resolveConfig(flags: ConfigOverrides, env: NodeJS.ProcessEnv = process.env): Config {
  const environment = fromEnv(env);
  const dataDir = flags.dataDir ?? environment.dataDir ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const merged: ConfigOverrides = { ...DEFAULTS, ...readConfigFile(dataDir), ...environment, ...flags, dataDir };
  const secret = merged.secret ? String(merged.secret) : null;
  if (secret !== null && secret.length > 128) throw new ConfigError('The webhook secret is longer than the 128 characters SimplyPrint allows.');
  return {
    host: String(merged.host),
    port: port(merged.port, 'The receiver port'),
    controlPort: port(merged.controlPort, 'The control port'),
    dataDir,
    secret,
    controlToken: ensureControlToken(dataDir, merged.controlToken),
    bodyLimit: positive(merged.bodyLimit, 'The body limit'),
    logLevel: String(merged.logLevel),
  };
}
