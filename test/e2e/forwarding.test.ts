// Forwarding and alerts in the dashboard, end to end: a real `farmhook serve`, a real local HTTP
// server as the forwarding destination (it is ours, so no stand-in: it records what arrives), and
// Debian's Chromium driven by playwright-core. Saves docs/screenshots/forwarding.png and alerts.png.
// (Page-side code is passed as strings: this file is type-checked without the DOM library.)
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, waitFor, type ServeProcess } from './serve-process.js';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SECRET = 'erp-signing-secret-1';
const HEADER_VALUE = 'k-123-header-token';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let erp: Server;
let erpUrl: string;
/** What the ERP answers next: the dashboard must show both outcomes. */
let erpStatus = 200;
const received: Received[] = [];

const now = () => Math.floor(Date.now() / 1000);
const jobDelivery = (event: string, printer: { id: number; name: string }, file: string, jobId: number) => ({
  webhook_id: 3,
  event,
  timestamp: now(),
  data: { job: { id: jobId, uid: `00000000-0000-4000-8000-${String(jobId).padStart(12, '0')}`, state: event.split('.')[1], file, printer_id: printer.id, printer } },
});

async function post(body: unknown): Promise<number> {
  const response = await fetch(serve.receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

async function goTo(pageId: string) {
  await page.locator(`nav a[data-page="${pageId}"]`).click();
  await page.locator(`main[data-page="${pageId}"]`).waitFor();
}

const forwardedEvents = () => received.map((r) => r.headers['x-webhook-event']);
const delivery = (status: string, kind = 'event') => page.locator(`[data-testid="delivery"][data-status="${status}"][data-kind="${kind}"]`);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  erp = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(erpStatus, { 'content-type': 'text/plain' });
      response.end(erpStatus === 200 ? 'ok-from-erp' : 'erp is down for maintenance');
    });
  });
  await new Promise<void>((resolve) => erp.listen(0, '127.0.0.1', resolve));
  erpUrl = `http://127.0.0.1:${(erp.address() as AddressInfo).port}/hooks/farm`;
  serve = await startServe();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', colorScheme: 'light', timezoneId: 'UTC' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${serve.controlUrl}/#token=${serve.token}`);
  await page.locator('[data-testid="connection"][data-state="open"]').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await new Promise((resolve) => erp?.close(resolve));
});

describe('forwarding in the dashboard', () => {
  it('creates a signed HTTP destination with a header and an event filter', async () => {
    await goTo('forwarding');
    await page.getByText('No destinations yet').waitFor();
    await page.locator('[data-testid="destination-add"]').click();
    const editor = page.locator('[data-testid="destination-editor"]');
    await editor.locator('[data-testid="destination-save"]').click();
    // Nothing filled in: the problems are named and nothing is sent.
    await editor.getByText(/problems? to fix before saving/).waitFor();
    await editor.getByLabel('Name').fill('ERP');
    await editor.getByLabel('URL').fill(erpUrl);
    await editor.getByLabel('Signing secret').fill(SECRET);
    await editor.getByRole('button', { name: 'Add header' }).click();
    await editor.getByLabel('Header 1 name').fill('X-Api-Key');
    await editor.getByLabel('Header 1 value').fill(HEADER_VALUE);
    await editor.getByLabel('Events', { exact: true }).fill('job.*, jbo.x');
    await editor.locator('[data-code="matches_nothing"]').waitFor();
    await editor.getByLabel('Events', { exact: true }).fill('job.*, !job.paused');
    expect(await editor.locator('[data-testid="destination-events-problems"] li').count()).toBe(0);
    await editor.getByLabel('Attempts at most').fill('1');
    await editor.locator('[data-testid="destination-save"]').click();
    const panel = page.locator('[data-testid="destination-panel"]');
    await panel.getByRole('heading', { name: /ERP/ }).waitFor();
    expect(await page.locator('[data-testid="destination-table"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="destination-state"]').first().getAttribute('data-state')).toBe('active');
    expect(page.url()).toMatch(/#\/forwarding\/\d+$/);
  });

  it('never shows the stored secret or header value again', async () => {
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.content()).not.toContain(HEADER_VALUE);
    await page.locator('[data-testid="destination-edit"]').click();
    const editor = page.locator('[data-testid="destination-editor"]');
    expect(await editor.getByLabel('Signing secret').inputValue()).toBe('');
    expect(await editor.getByLabel('Signing secret').getAttribute('placeholder')).toContain('Stored');
    await editor.getByText('Stored (values hidden): X-Api-Key.').waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).click();
  });

  it('forwards a posted delivery, signed, and shows the attempt in the delivery log', async () => {
    expect(await post(jobDelivery('job.failed', { id: 201, name: 'Prusa MK4 #3' }, 'gearbox.gcode', 7001))).toBe(200);
    await waitFor('the ERP to receive job.failed', async () => forwardedEvents().includes('job.failed'));
    const got = received.find((r) => r.headers['x-webhook-event'] === 'job.failed')!;
    const expected = `sha256=${createHmac('sha256', SECRET).update(got.body, 'utf8').digest('hex')}`;
    expect(got.headers['x-webhook-signature']).toBe(expected);
    expect(got.headers['x-api-key']).toBe(HEADER_VALUE);
    expect(JSON.parse(got.body)).toMatchObject({ event: 'job.failed', printer: { name: 'Prusa MK4 #3' }, job: { file: 'gearbox.gcode' } });

    const row = delivery('delivered').first();
    await row.waitFor();
    expect(await row.locator('.event-name').textContent()).toBe('job.failed');
    await row.locator('.delivery-toggle').click();
    await row.locator('[data-testid="attempt-body"]', { hasText: 'ok-from-erp' }).waitFor();
    expect(await row.locator('.attempt .badge').first().textContent()).toBe('HTTP 200');
  });

  it('shows a failed delivery and delivers it on Retry', async () => {
    erpStatus = 500;
    expect(await post(jobDelivery('job.done', { id: 202, name: 'Bambu X1C' }, 'bracket.gcode', 7002))).toBe(200);
    const failed = delivery('failed').first();
    await failed.waitFor({ timeout: 20_000 });
    await failed.locator('.delivery-error', { hasText: '500' }).waitFor();
    erpStatus = 200;
    await failed.locator('[data-testid="delivery-retry"]').click();
    await waitFor('the retried delivery to be delivered', async () => (await delivery('failed').count()) === 0 && (await delivery('delivered').count()) === 2);
    expect(forwardedEvents().filter((e) => e === 'job.done')).toHaveLength(2);
  });

  it('sends a test and shows the answer', async () => {
    await page.locator('[data-testid="destination-test"]').click();
    const result = page.locator('[data-testid="test-result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    await result.getByText('ok-from-erp').waitFor();
    expect(forwardedEvents()).toContain('test');
    await page.locator('[data-testid="delivery"][data-status="delivered"] .delivery-toggle').first().click();
    await page.locator('[data-testid="destination-success-rate"]').filter({ hasText: '%' }).waitFor();
    await page.locator('main').evaluate((el) => el.scrollTo({ top: 0 }));
    await page.screenshot({ path: `${SHOTS}forwarding.png` });
  });
});

describe('alerts in the dashboard', () => {
  let eventId = '';

  it('lists the failed print on the Overview live, and acknowledges it', async () => {
    await goTo('overview');
    const alert = page.locator('[data-testid="open-alerts"] [data-testid="alert"][data-rule="job.failed"]');
    await alert.waitFor();
    expect(await alert.locator('.alert-title').textContent()).toBe('Print failed — Prusa MK4 #3');
    // A second failure on another printer arrives while the page is open.
    expect(await post(jobDelivery('job.failed', { id: 203, name: 'Voron 2.4' }, 'duct.gcode', 7003))).toBe(200);
    await waitFor('the live alert', async () => (await alert.count()) === 2);
    const first = alert.filter({ hasText: 'Prusa MK4 #3' });
    eventId = (await first.getByRole('link', { name: 'Open the event' }).getAttribute('href'))!.replace('#/events/', '');
    await first.locator('[data-testid="alert-acknowledge"]').click();
    await waitFor('the acknowledged alert to leave', async () => (await alert.count()) === 1);
  });

  it('shows open alerts, history and settings, and pauses notifications for an hour', async () => {
    await goTo('alerts');
    await page.locator('[data-testid="open-alerts"] [data-testid="alert"]', { hasText: 'Voron 2.4' }).waitFor();
    await page.locator('[data-testid="alert-history"] [data-testid="alert"][data-status="resolved"]', { hasText: 'Prusa MK4 #3' }).waitFor();
    const pause = page.locator('[data-testid="alerts-pause"]');
    await pause.getByRole('button', { name: 'Pause alerts for 1 hour' }).click();
    await page.locator('[data-testid="alerts-pause"][data-paused="true"]').waitFor();
    await pause.getByText(/^Paused until/).waitFor();
    const settings = page.locator('[data-testid="alert-settings"]');
    await settings.getByLabel('Print cancelled: on').check();
    await settings.getByLabel('Silence threshold, hours').fill('4');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Saved.').waitFor();
    const stored = (await (await fetch(`${serve.controlUrl}/api/v1/alerts/settings`, { headers: { authorization: `Bearer ${serve.token}` } })).json()) as {
      noDeliveryHours: number;
      rules: Record<string, { enabled: boolean }>;
      pausedUntil: string | null;
    };
    expect(stored.noDeliveryHours).toBe(4);
    expect(stored.rules['job.cancelled']?.enabled).toBe(true);
    expect(Date.parse(stored.pausedUntil!) - Date.now()).toBeGreaterThan(55 * 60_000);
    await page.locator('main').evaluate((el) => el.scrollTo({ top: 0 }));
    await page.screenshot({ path: `${SHOTS}alerts.png` });
  });

  it('opens an event from #/events/<id>, on a link and on a fresh load', async () => {
    expect(eventId).toMatch(/^\d+$/);
    await page.goto(`${serve.controlUrl}/#/events/${eventId}`);
    const detail = page.locator('[data-testid="event-detail"]');
    await detail.getByText('gearbox.gcode').waitFor();
    await page.reload();
    await page.locator('main[data-page="events"]').waitFor();
    await detail.getByText('gearbox.gcode').waitFor();
    await page.keyboard.press('Escape');
    await waitFor('the address to drop the event', async () => page.url().endsWith('#/events'));
  });

  it('replays the event to a destination from its detail panel', async () => {
    await page.goto(`${serve.controlUrl}/#/events/${eventId}`);
    const replay = page.locator('[data-testid="replay-event"]');
    await replay.getByLabel('Forward this event to').selectOption({ label: 'ERP' });
    const before = forwardedEvents().filter((e) => e === 'job.failed').length;
    await replay.locator('[data-testid="replay-send"]').click();
    await replay.getByText('Queued.').waitFor();
    await waitFor('the replayed event at the ERP', async () => forwardedEvents().filter((e) => e === 'job.failed').length === before + 1);
    await replay.getByRole('link', { name: 'See the delivery log' }).click();
    await page.locator('[data-testid="delivery"][data-kind="replay"][data-status="delivered"]').waitFor();
  });

  it('shows where the logs are on the Health page', async () => {
    const status = (await (await fetch(`${serve.controlUrl}/api/v1/status`, { headers: { authorization: `Bearer ${serve.token}` } })).json()) as { dataDir: string };
    await goTo('health');
    expect(await page.locator('[data-testid="logs-dir"]').textContent()).toBe(`${status.dataDir}/logs/`);
  });

  it('speaks Russian on the new pages', async () => {
    await page.locator('[data-testid="language"]').selectOption('ru');
    await goTo('forwarding');
    await page.getByRole('heading', { name: 'Пересылка', level: 1 }).waitFor();
    await goTo('alerts');
    await page.getByRole('heading', { name: 'Оповещения', level: 1 }).waitFor();
    await page.locator('[data-testid="open-alerts"] .alert-title', { hasText: 'Печать не удалась' }).waitFor();
    await page.locator('[data-testid="language"]').selectOption('en');
  });
});
