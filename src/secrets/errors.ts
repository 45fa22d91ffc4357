// Failures of the secrets store. Messages name the secret and the file, never a value.

export type SecretStoreErrorCode =
  /** The file is not what the store writes (edited by hand, truncated). */
  | 'corrupt'
  /** A value was encrypted by a scheme that is not available now (other user, keyring locked). */
  | 'cannot_decrypt'
  /** A name the store does not accept. */
  | 'bad_name'
  /** The file could not be read or written (permissions, disk full). */
  | 'io';

export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}
