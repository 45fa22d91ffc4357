// Where FarmHook keeps the SimplyPrint API key, the webhook secret and tokens (see store.ts).
export { PLAIN_KIND, type SecretCipher } from './cipher.js';
export { SecretStoreError, type SecretStoreErrorCode } from './errors.js';
export {
  SECRET_NAMES,
  SECRETS_FILE_NAME,
  SecretStore,
  secretsFilePath,
  type SecretProtection,
  type SecretStoreOptions,
} from './store.js';
