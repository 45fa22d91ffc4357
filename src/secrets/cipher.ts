// How secrets are protected at rest, chosen by whoever builds the store. The core has no way to
// encrypt with an OS-held key on its own, so the desktop shell plugs in Electron's safeStorage
// (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) from electron/, e.g.:
//
//   const cipher: SecretCipher = {
//     kind: 'electron-safeStorage',
//     get available() { return safeStorage.isEncryptionAvailable(); },
//     encrypt: (s) => safeStorage.encryptString(s),
//     decrypt: (b) => safeStorage.decryptString(b),
//   };
//
// Without one (headless `farmhook serve`, or Linux with no keyring) secrets are stored as PLAIN
// TEXT in a file readable only by the current user (mode 0600). That is the same protection as an
// SSH private key without a passphrase: it keeps out other users of the PC, not someone who can
// act as this user or read the disk.

export interface SecretCipher {
  /** Recorded beside each value, so a value is always decrypted by the scheme that wrote it. */
  readonly kind: string;
  /** False when the OS cannot encrypt right now (e.g. no keyring): the store then writes plain text. */
  readonly available: boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** Marks plain-text entries in the secrets file. */
export const PLAIN_KIND = 'plain';
