// SimplyPrint's management API as the rest of FarmHook sees it (setup wizard, health checks).
export { SimplyPrintClient, type CallOptions } from './client.js';
export { SimplyPrintError, SIMPLYPRINT_ERROR_CODES, type SimplyPrintErrorCode } from './errors.js';
export { clockSkewMs } from './clock.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type AccountTestResult,
  type SamplePayload,
  type ServerTime,
  type SimplyPrintCall,
  type SimplyPrintClientOptions,
  type Webhook,
  type WebhookInput,
} from './types.js';
