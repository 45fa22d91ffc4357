// The setup wizard end to end: a real `farmhook serve` with an empty data dir, its SimplyPrint API
// base URL pointed at the local stand-in of SimplyPrint's API (which, like SimplyPrint, POSTs a
// `test` event to the registered webhook URL when asked), and Debian's Chromium. The wizard opens by
// itself on first run, resumes after a reload, completes the automatic path, and shows the test
// delivery arriving; a second run with a changed secret shows the diagnosis instead of an error.
// Saves docs/screenshots/wizard-*.png. (Page-side code is passed as strings: this file is
// type-checked without the DOM library.)
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimplyPrintStandin } from '../standins/simplyprint-api.js';
import { startServe, waitFor, type ServeProcess } from './serve-process.js';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const COMPANY_ID = 4242;
const API_KEY = 'sp-standin-key-0123456789';
const CLOUDFLARED_STANDIN = fileURLToPath(new URL('../standins/cloudflared', import.meta.url));

let serve: ServeProcess;
let standin: SimplyPrintStandin;
let browser: Browser;
let page: Page;
let receiverPort: string;
let secret: string;

/** The whole wizard page: the page scrolls inside <main>, so the window grows to its height for the shot. */
async function shot(name: string): Promise<void> {
  const height = await page.evaluate<number>('document.querySelector("main").scrollHeight');
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 800), 2400) });
  // Secrets never go into a picture, not even test ones: the secret fields are painted over.
  await page.screenshot({ path: `${SHOTS}wizard-${name}.png`, mask: [page.locator('[data-testid="secret-reveal"] input')], maskColor: '#8a94a6' });
  await page.setViewportSize({ width: 1280, height: 800 });
}
const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const step = (id: string) => page.locator(`.wizard[data-step="${id}"]`).waitFor();

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${serve.controlUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${serve.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  standin = await SimplyPrintStandin.start({ apiKey: API_KEY, companyId: COMPANY_ID });
  serve = await startServe();
  receiverPort = new URL(serve.receiverUrl).port;
  // Where FarmHook finds SimplyPrint's API: a setting of the SimplyPrint connection (default
  // https://api.simplyprint.io), pointed here at the stand-in.
  await control('PUT', '/setup/simplyprint', { apiBaseUrl: standin.baseUrl });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', colorScheme: 'light', timezoneId: 'UTC' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.controlUrl });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await standin?.close();
});

describe('setup wizard', () => {
  it('opens by itself on first run, with the steps listed', async () => {
    await page.goto(`${serve.controlUrl}/#token=${serve.token}`);
    await page.locator('main[data-page="setup"]').waitFor();
    await step('receiver');
    expect(await page.locator('.wizard-progress li').allTextContents()).toEqual(['1Receiver', '2Reaching this PCNot done yet', '3SimplyPrintNot done yet', '4TestNot done yet']);
    expect(await page.locator('nav a[data-page="setup"]').getAttribute('aria-current')).toBe('page');
  });

  it('step 1: generates a strong secret, shown once with a copy button', async () => {
    expect(await byTestId('wizard-next').isDisabled()).toBe(true); // no secret yet
    await byTestId('generate-secret').click();
    const field = byTestId('secret-reveal').locator('input');
    await field.waitFor();
    secret = await field.inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await byTestId('secret-reveal').getByRole('button', { name: 'Copy secret' }).click();
    await byTestId('secret-reveal').getByText('Copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await shot('receiver');
    await byTestId('wizard-next').click();
    await step('reachability');
    // Keyboard focus moved to the new step's heading.
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.id')).toBe('step-title');
  });

  it('step 2: a port forward, with live URL warnings and the public-URL probe', async () => {
    // The ways in are radios: arrow keys choose, and the focused card shows a focus ring.
    await page.getByRole('radio', { name: 'LAN only' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: 'Router port forward' }).isChecked()).toBe(true);
    expect(await page.evaluate<string>('getComputedStyle(document.querySelector(\'.choice[data-choice="port_forward"]\')).outlineStyle')).toBe('solid');
    await byTestId('public-host').fill('hooks.slack.com');
    await page.locator('[data-warning="chat_slack"]').waitFor();
    await byTestId('public-host').fill('192.168.1.20');
    await page.locator('[data-warning="private"]').waitFor();
    // The stand-in for "the internet" is this machine, so the public address is the loopback one
    // (the wizard rightly warns that SimplyPrint's real servers could not use it).
    await byTestId('public-host').fill('127.0.0.1');
    await byTestId('public-port').fill(receiverPort);
    await page.locator('[data-warning="loopback"]').waitFor();
    expect(await byTestId('public-webhook-url').textContent()).toBe(`http://127.0.0.1:${receiverPort}/api/v1/simplyprint/webhook`);
    expect(await byTestId('wizard-next').textContent()).toBe('Continue anyway');
    await byTestId('probe-public').click();
    await page.locator('[data-testid="probe-result"][data-ok="true"]').waitFor();
    expect(await byTestId('probe-result').textContent()).toMatch(/^Reached the receiver through the public address in \d+ ms\.$/);
    expect(await byTestId('wizard-next').textContent()).toBe('Continue');
    await shot('reachability');
    await byTestId('wizard-next').click();
    await step('simplyprint');
  });

  it('resumes where it was left after the page is closed and opened again', async () => {
    await page.goto('about:blank');
    await page.goto(`${serve.controlUrl}/#/setup`);
    await step('simplyprint');
    expect(await byTestId('wizard-step-of').textContent()).toBe('Step 3 of 4 · Continuing where you left off.');
    // Earlier steps can be revisited; the choice made there was kept.
    await page.locator('.wizard-step[data-step="reachability"] button').click();
    await step('reachability');
    expect(await page.getByRole('radio', { name: 'Router port forward' }).isChecked()).toBe(true);
    await byTestId('wizard-next').click(); // "Continue anyway": the probe result is not kept across visits
    await step('simplyprint');
  });

  it('step 3: validates the API key and creates the webhook, enabled, with URL, secret and events', async () => {
    await byTestId('company-id').fill(String(COMPANY_ID));
    await byTestId('api-key').fill('not-the-key');
    await byTestId('validate-key').click();
    await page.locator('[data-testid="simplyprint-error"][data-code="bad_key"]').waitFor();
    await byTestId('api-key').fill(API_KEY);
    await byTestId('validate-key').click();
    await byTestId('key-ok').waitFor();
    // Leave out one category, to see the choice reach SimplyPrint.
    await page.locator('.event-group[data-category="balance"] .event-group-head input').uncheck();
    await byTestId('apply-webhook').click();
    await byTestId('webhook-check').getByText(/^Webhook #\d+ created in SimplyPrint and switched on\.$/).waitFor();
    const [webhook] = [...standin.webhooks.values()];
    expect(webhook).toMatchObject({ url: `http://127.0.0.1:${receiverPort}/api/v1/simplyprint/webhook`, secret, enabled: true });
    expect(webhook!.events).toHaveLength(58);
    expect(webhook!.events.some((e) => e.startsWith('balance.'))).toBe(false);
    // The key went to SimplyPrint in the header, and never into the page.
    expect(standin.requests.some((r) => r.apiKeyHeader === API_KEY)).toBe(true);
    expect(await page.content()).not.toContain(API_KEY);
    await shot('simplyprint');
    await byTestId('wizard-next').click();
    await step('test');
  });

  it('step 4: asks SimplyPrint for the test delivery and shows it arriving', async () => {
    await byTestId('send-test').click();
    await byTestId('test-arrived').waitFor({ timeout: 30_000 });
    const [delivery] = await standin.waitForDeliveries(1);
    expect(delivery).toMatchObject({ status: 200, url: `http://127.0.0.1:${receiverPort}/api/v1/simplyprint/webhook` });
    expect(delivery!.headers['X-SP-Secret']).toBe(secret);
    await shot('test-arrived');
    await byTestId('wizard-finish').click();
    await step('done');
    await shot('done');
  });

  it('does not open by itself once finished, and stays reachable from the menu', async () => {
    await page.goto('about:blank');
    await page.goto(`${serve.controlUrl}/`);
    await page.locator('main[data-page="overview"]').waitFor();
    await page.locator('[data-testid="kpi-last-delivery"]').waitFor();
    expect(page.url()).not.toContain('#/setup');
    await page.locator('nav a[data-page="setup"]').click();
    await step('done');
  });

  it('diagnoses a refused test delivery (secret changed in FarmHook only) instead of a generic error', async () => {
    await byTestId('wizard-restart').click();
    await step('receiver');
    await byTestId('generate-secret').click();
    await waitFor('a new secret', async () => {
      const value = await byTestId('secret-reveal').locator('input').inputValue();
      return value !== secret && value;
    });
    secret = await byTestId('secret-reveal').locator('input').inputValue();
    await byTestId('wizard-next').click();
    await step('reachability');
    await byTestId('wizard-next').click();
    await step('simplyprint');
    // The webhook still points here and is on; the stale secret is pointed out, and the step
    // still lets the technician on (the test step shows what that leads to).
    await byTestId('webhook-check').getByText('The webhook carries a different secret than FarmHook expects', { exact: false }).waitFor();
    await byTestId('wizard-next').click();
    await step('test');
    await byTestId('send-test').click();
    const diagnosis = page.locator('[data-testid="test-diagnosis"][data-outcome="wrong_secret"]');
    await diagnosis.waitFor({ timeout: 30_000 });
    expect(await diagnosis.textContent()).toContain('its secret does not match');
    await diagnosis.getByRole('button', { name: 'Go to step 3' }).waitFor();
    await shot('diagnosis');
  });

  it('the manual path: URL and secret to copy, panel steps, and a visible wait for the test event', async () => {
    await page.getByRole('button', { name: 'Go to step 3' }).click();
    await step('simplyprint');
    await page.locator('[data-path="manual"]').click();
    await byTestId('simplyprint-manual').waitFor();
    expect(await byTestId('webhook-url').textContent()).toBe(`http://127.0.0.1:${receiverPort}/api/v1/simplyprint/webhook`);
    expect(await byTestId('secret-reveal').locator('input').inputValue()).toBe(secret);
    await page.getByText('Open Settings → Webhooks.').waitFor();
    expect(await byTestId('wizard-next').isDisabled()).toBe(true);
    await byTestId('manual-confirm').check();
    await shot('manual');
    await byTestId('wizard-next').click();
    await step('test');
    await page.getByText('press Test next to the FarmHook webhook', { exact: false }).waitFor();
    await byTestId('send-test').click();
    await byTestId('test-waiting').getByText(/^Waiting for the test event… \d+ s$/).waitFor();
    await shot('waiting');
    // The technician presses Test in the panel: here, the same envelope SimplyPrint sends.
    const response = await fetch(serve.receiverUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sp-secret': secret },
      body: JSON.stringify({ webhook_id: 11, event: 'test', timestamp: Math.floor(Date.now() / 1000), data: {} }),
    });
    expect(response.status).toBe(200);
    await byTestId('test-arrived').waitFor();
  });

  it('a Cloudflare quick tunnel: started from the wizard, its state live, and a failed probe explained', async () => {
    // The stand-in cloudflared gets a *.trycloudflare.com name that, as with no internet, resolves nowhere.
    await control('PUT', '/setup/settings', { cloudflaredPath: CLOUDFLARED_STANDIN });
    await page.locator('.wizard-step[data-step="reachability"] button').click();
    await step('reachability');
    await page.getByRole('radio', { name: 'Cloudflare quick tunnel' }).check();
    await byTestId('start-tunnel').click();
    await waitFor('a tunnel address', async () => ((await byTestId('public-webhook-url').textContent()) ?? '').includes('.trycloudflare.com/api/v1/simplyprint/webhook'));
    await page.locator('[data-testid="tunnel-panel"]:is([data-state="connected"], [data-state="verified"], [data-state="degraded"])').waitFor();
    await byTestId('probe-public').click();
    const failed = page.locator('[data-testid="probe-result"][data-ok="false"]');
    await failed.waitFor({ timeout: 20_000 });
    expect(['dns', 'network', 'timeout']).toContain(await failed.getAttribute('data-failure'));
    expect(await failed.textContent()).toContain('The public address does not lead to the receiver.');
    if ((await failed.getAttribute('data-failure')) === 'dns') expect(await failed.textContent()).toContain('A new tunnel name takes a few seconds to appear');
    await shot('tunnel');
    await page.getByRole('button', { name: 'Stop the tunnel' }).click();
    await page.locator('[data-testid="tunnel-panel"][data-state="stopped"]').waitFor();
    await page.getByRole('radio', { name: 'Router port forward' }).check();
  });

  it('speaks Russian and follows the dark theme', async () => {
    await page.locator('[data-testid="language"]').selectOption('ru');
    await page.getByRole('heading', { name: 'Как SimplyPrint попадёт на этот ПК' }).waitFor();
    await page.getByRole('radio', { name: 'Проброс порта на роутере' }).waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitFor('the dark theme', async () => (await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')) === 'rgb(11, 17, 32)');
    await page.locator('.wizard-step[data-step="simplyprint"] button').click();
    await step('simplyprint');
    await page.getByText('В панели SimplyPrint').waitFor();
    await shot('simplyprint-ru-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('[data-testid="language"]').selectOption('en');
  });
});
