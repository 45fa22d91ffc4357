// The OS keychain for FarmHook's secrets: Electron's safeStorage (DPAPI on Windows, Keychain on
// macOS, libsecret/kwallet on Linux), plugged into the core's secret store (see src/secrets/cipher.ts).
import { safeStorage } from 'electron';
import type { SecretCipher } from '../src/secrets/index.js';

export const safeStorageCipher: SecretCipher = {
  kind: 'electron-safeStorage',
  get available() {
    return safeStorage.isEncryptionAvailable();
  },
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (data) => safeStorage.decryptString(data),
};
