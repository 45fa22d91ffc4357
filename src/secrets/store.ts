// A small named-secret store (the SimplyPrint API key, the webhook secret, tunnel tokens) kept in
// one JSON file in the data dir, mode 0600.
//
// With an available SecretCipher (Electron's safeStorage, plugged in by electron/) each value is
// encrypted by the OS. Without one, values are written as PLAIN TEXT, protected only by the file
// mode 0600 (owner read/write; on Windows the mode is not enforced and the user profile's ACL is
// what protects the data dir). See cipher.ts.
//
// The file is read on every call and replaced atomically (temp file + rename) on every change, so
// the desktop app and a `farmhook` CLI command can share it, and a crash mid-write leaves the old
// file intact. Synchronous on purpose: safeStorage is synchronous and the file is tiny.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PLAIN_KIND, type SecretCipher } from './cipher.js';
import { SecretStoreError } from './errors.js';

export const SECRETS_FILE_NAME = 'secrets.json';
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Names other rooms use, so nobody stores the same secret twice under different names. */
export const SECRET_NAMES = {
  simplyprintApiKey: 'simplyprint.api-key',
  webhookSecret: 'receiver.webhook-secret',
  ngrokAuthtoken: 'tunnel.ngrok-authtoken',
} as const;

type Entry = { kind: typeof PLAIN_KIND; value: string } | { kind: string; data: string };

interface SecretsFile {
  version: 1;
  secrets: Record<string, Entry>;
}

export interface SecretStoreOptions {
  /** Usually `secretsFilePath(dataDir)`. */
  file: string;
  /** Encryption to use when available; absent or unavailable: plain text in a 0600 file. */
  cipher?: SecretCipher | null;
}

/** How a value is (or would be) kept: what the Settings page and health checks show. */
export type SecretProtection = { encrypted: true; kind: string } | { encrypted: false; kind: typeof PLAIN_KIND };

export function secretsFilePath(dataDir: string): string {
  return join(dataDir, SECRETS_FILE_NAME);
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new SecretStoreError('bad_name', 'A secret name is lower-case letters, digits, ".", "_" or "-", at most 64 characters.');
  }
}

function ioError(action: string, file: string, err: unknown): SecretStoreError {
  const code = (err as { code?: unknown }).code;
  return new SecretStoreError('io', `Could not ${action} the secrets file ${file}${typeof code === 'string' ? ` (${code})` : ''}.`);
}

function isEntry(v: unknown): v is Entry {
  if (v === null || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  if (typeof e.kind !== 'string') return false;
  return e.kind === PLAIN_KIND ? typeof e.value === 'string' : typeof e.data === 'string';
}

export class SecretStore {
  readonly file: string;
  private readonly cipher: SecretCipher | null;

  constructor(options: SecretStoreOptions) {
    this.file = options.file;
    this.cipher = options.cipher ?? null;
  }

  /** How `set` will keep a value right now. */
  get protection(): SecretProtection {
    return this.cipher?.available ? { encrypted: true, kind: this.cipher.kind } : { encrypted: false, kind: PLAIN_KIND };
  }

  /** How a stored value is kept, or null when there is none. */
  protectionOf(name: string): SecretProtection | null {
    checkName(name);
    const entry = this.read().secrets[name];
    if (!entry) return null;
    return entry.kind === PLAIN_KIND ? { encrypted: false, kind: PLAIN_KIND } : { encrypted: true, kind: entry.kind };
  }

  has(name: string): boolean {
    checkName(name);
    return Object.hasOwn(this.read().secrets, name);
  }

  names(): string[] {
    return Object.keys(this.read().secrets).sort();
  }

  get(name: string): string | null {
    checkName(name);
    const entry = this.read().secrets[name];
    if (!entry) return null;
    return this.decode(name, entry);
  }

  set(name: string, value: string): void {
    checkName(name);
    const content = this.read();
    content.secrets[name] = this.encode(name, value);
    this.write(content);
  }

  /** True when there was a value to delete. */
  delete(name: string): boolean {
    checkName(name);
    const content = this.read();
    if (!Object.hasOwn(content.secrets, name)) return false;
    delete content.secrets[name];
    this.write(content);
    return true;
  }

  /**
   * Encrypts values written as plain text while no cipher was available (the keyring came up, or
   * FarmHook moved from headless to the desktop app). Returns how many were upgraded.
   */
  encryptPlainEntries(): number {
    if (!this.cipher?.available) return 0;
    const content = this.read();
    let changed = 0;
    for (const [name, entry] of Object.entries(content.secrets)) {
      if (entry.kind === PLAIN_KIND && 'value' in entry) {
        content.secrets[name] = this.encode(name, entry.value);
        changed += 1;
      }
    }
    if (changed > 0) this.write(content);
    return changed;
  }

  private encode(name: string, value: string): Entry {
    if (!this.cipher?.available) return { kind: PLAIN_KIND, value };
    try {
      return { kind: this.cipher.kind, data: this.cipher.encrypt(value).toString('base64') };
    } catch {
      // The cause is not passed on: an encryption library's message could quote its input.
      throw new SecretStoreError('cannot_decrypt', `The secret "${name}" could not be encrypted with ${this.cipher.kind}.`);
    }
  }

  private decode(name: string, entry: Entry): string {
    if (entry.kind === PLAIN_KIND && 'value' in entry) return entry.value;
    const cipher = this.cipher;
    if (!cipher || cipher.kind !== entry.kind || !cipher.available) {
      throw new SecretStoreError(
        'cannot_decrypt',
        `The secret "${name}" was encrypted with ${entry.kind}, which is not available now (another user account, or the system keyring is locked). Enter it again.`,
      );
    }
    try {
      return cipher.decrypt(Buffer.from((entry as { data: string }).data, 'base64'));
    } catch {
      throw new SecretStoreError('cannot_decrypt', `The secret "${name}" could not be decrypted (it was encrypted on another PC or user account). Enter it again.`);
    }
  }

  private read(): SecretsFile {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ENOENT') return { version: 1, secrets: {} };
      throw ioError('read', this.file, err);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const secrets = (parsed as { secrets?: unknown } | null)?.secrets;
    if (secrets === null || typeof secrets !== 'object' || Array.isArray(secrets) || !Object.values(secrets).every(isEntry)) {
      // Never quote the content: it holds the secrets.
      throw new SecretStoreError('corrupt', `The secrets file ${this.file} is damaged. Delete it and enter the API key and secrets again.`);
    }
    return { version: 1, secrets: { ...(secrets as Record<string, Entry>) } };
  }

  private write(content: SecretsFile): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: DIR_MODE });
      rmSync(tmp, { force: true });
      // Created 0600 from the start, so the secrets are never readable by others, not even briefly.
      const fd = openSync(tmp, 'wx', FILE_MODE);
      try {
        writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(tmp, FILE_MODE);
      renameSync(tmp, this.file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw ioError('write', this.file, err);
    }
  }
}
