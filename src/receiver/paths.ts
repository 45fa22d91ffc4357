/** Where SimplyPrint POSTs. The seed documents' misspelt URL stays as an alias: farms already use it. */
export const WEBHOOK_PATH = '/api/v1/simplyprint/webhook';
export const LEGACY_WEBHOOK_PATH = '/api/v1/simpleprint/webhook';

/** Each path with and without its trailing slash. */
export const WEBHOOK_ROUTES = [WEBHOOK_PATH, `${WEBHOOK_PATH}/`, LEGACY_WEBHOOK_PATH, `${LEGACY_WEBHOOK_PATH}/`];

export const isWebhookPath = (url: string) => WEBHOOK_ROUTES.includes(url.split('?', 1)[0] ?? '');
