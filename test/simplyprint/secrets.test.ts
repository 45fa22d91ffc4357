// The secrets store on real files in a temp dir: plain 0600 file by default, an injected cipher
// when one is available, and no secret value in any error message.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_NAMES, SecretStore, SecretStoreError, secretsFilePath, type SecretCipher } from '../../src/secrets/index.js';

const API_KEY = 'SPKEY-secret-value-7c1e9d';
const WEBHOOK_SECRET = 'whsec-Юникод-and/slashes"quotes';
const posix = process.platform !== 'win32';

/**
 * Stands in for Electron's safeStorage (an OS-held key): AES-256-GCM with a key only this object
 * holds. `available` can be switched off like safeStorage on a Linux without a keyring.
 */
function osCipher(kind = 'test-os-keyring'): SecretCipher & { available: boolean } {
  const key = randomBytes(32);
  return {
    kind,
    available: true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'farmhook-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function caught(fn: () => unknown): SecretStoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SecretStoreError);
    return e as SecretStoreError;
  }
  throw new Error('expected a SecretStoreError');
}

describe('plain-file strategy (no cipher)', () => {
  it('round-trips values in a 0600 file, in a data dir it creates', () => {
    const file = secretsFilePath(join(dir, 'nested', 'data'));
    const store = new SecretStore({ file });
    expect(store.get(SECRET_NAMES.simplyprintApiKey)).toBeNull();
    store.set(SECRET_NAMES.simplyprintApiKey, API_KEY);
    store.set(SECRET_NAMES.webhookSecret, WEBHOOK_SECRET);

    const again = new SecretStore({ file });
    expect(again.get(SECRET_NAMES.simplyprintApiKey)).toBe(API_KEY);
    expect(again.get(SECRET_NAMES.webhookSecret)).toBe(WEBHOOK_SECRET);
    expect(again.names()).toEqual([SECRET_NAMES.webhookSecret, SECRET_NAMES.simplyprintApiKey].sort());
    expect(again.protection).toEqual({ encrypted: false, kind: 'plain' });
    expect(again.protectionOf(SECRET_NAMES.simplyprintApiKey)).toEqual({ encrypted: false, kind: 'plain' });
    if (posix) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'nested', 'data')).mode & 0o777).toBe(0o700);
    }
  });

  it('stays 0600 after rewrites, even if the file was loosened, and deletes', () => {
    const file = secretsFilePath(dir);
    const store = new SecretStore({ file });
    store.set('a', '1');
    if (posix) {
      chmodSync(file, 0o644); // someone loosened it by hand
      expect(statSync(file).mode & 0o777).toBe(0o644);
    }
    store.set('b', '2');
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.delete('a')).toBe(true);
    expect(store.delete('a')).toBe(false);
    expect(store.has('a')).toBe(false);
    expect(store.get('b')).toBe('2');
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses bad names', () => {
    const store = new SecretStore({ file: secretsFilePath(dir) });
    expect(caught(() => store.set('../escape', 'x')).code).toBe('bad_name');
    expect(caught(() => store.get('')).code).toBe('bad_name');
  });
});

describe('with an injected cipher', () => {
  it('encrypts at rest: the file does not contain the value, and reads back', () => {
    const file = secretsFilePath(dir);
    const cipher = osCipher();
    const store = new SecretStore({ file, cipher });
    store.set(SECRET_NAMES.simplyprintApiKey, API_KEY);
    expect(readFileSync(file, 'utf8')).not.toContain(API_KEY);
    expect(store.protectionOf(SECRET_NAMES.simplyprintApiKey)).toEqual({ encrypted: true, kind: 'test-os-keyring' });
    expect(new SecretStore({ file, cipher }).get(SECRET_NAMES.simplyprintApiKey)).toBe(API_KEY);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('falls back to plain text while the cipher is unavailable, and upgrades later', () => {
    const file = secretsFilePath(dir);
    const cipher = osCipher();
    cipher.available = false;
    const store = new SecretStore({ file, cipher });
    expect(store.protection).toEqual({ encrypted: false, kind: 'plain' });
    store.set(SECRET_NAMES.webhookSecret, WEBHOOK_SECRET);
    expect(JSON.parse(readFileSync(file, 'utf8')).secrets[SECRET_NAMES.webhookSecret].value).toBe(WEBHOOK_SECRET);

    cipher.available = true;
    expect(store.encryptPlainEntries()).toBe(1);
    expect(readFileSync(file, 'utf8')).not.toContain('whsec');
    expect(store.get(SECRET_NAMES.webhookSecret)).toBe(WEBHOOK_SECRET);
    expect(store.encryptPlainEntries()).toBe(0);
  });

  it('cannot decrypt without the same OS key, and says so without the value', () => {
    const file = secretsFilePath(dir);
    new SecretStore({ file, cipher: osCipher() }).set(SECRET_NAMES.simplyprintApiKey, API_KEY);

    const otherKey = caught(() => new SecretStore({ file, cipher: osCipher() }).get(SECRET_NAMES.simplyprintApiKey));
    expect(otherKey.code).toBe('cannot_decrypt');
    const noCipher = caught(() => new SecretStore({ file }).get(SECRET_NAMES.simplyprintApiKey));
    expect(noCipher.code).toBe('cannot_decrypt');
    expect(noCipher.message).toContain('test-os-keyring');
    for (const e of [otherKey, noCipher]) {
      expect(e.message).not.toContain(API_KEY);
      expect(String(e.stack)).not.toContain(API_KEY);
    }
  });

  it("does not pass on a cipher's error, which could quote the value", () => {
    const leaky: SecretCipher = {
      kind: 'leaky',
      available: true,
      encrypt: (s) => {
        throw new Error(`cannot encrypt ${s}`);
      },
      decrypt: () => '',
    };
    const e = caught(() => new SecretStore({ file: secretsFilePath(dir), cipher: leaky }).set('k', API_KEY));
    expect(e.message).not.toContain(API_KEY);
    expect(JSON.stringify(e)).not.toContain(API_KEY);
  });
});

describe('damaged file', () => {
  it('reports corruption without quoting the content', () => {
    const file = secretsFilePath(dir);
    writeFileSync(file, `{"version":1,"secrets":{"simplyprint.api-key":{"kind":"plain","value":"${API_KEY}"}`, { mode: 0o600 });
    const e = caught(() => new SecretStore({ file }).get(SECRET_NAMES.simplyprintApiKey));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain(file);
    expect(e.message).not.toContain(API_KEY);

    writeFileSync(file, JSON.stringify({ version: 1, secrets: { x: { kind: 'plain', value: 42 } } }));
    expect(caught(() => new SecretStore({ file }).get('x')).code).toBe('corrupt');
  });

  it('reports an unreadable path as io', () => {
    const e = caught(() => new SecretStore({ file: dir }).get('x')); // a directory, not a file
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/EISDIR/);
  });
});
