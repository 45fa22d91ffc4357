// The dashboard end to end: a real `farmhook serve`, real deliveries over HTTP, Debian's Chromium
// driven by playwright-core. Saves a screenshot of every page to docs/screenshots/ for the README.
// (Page-side code is passed as strings: this file is type-checked without the DOM library.)
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { farmDay, FARM_TRUTH, PRINTERS, type Delivery } from './farm-deliveries.js';
import { startServe, waitFor, type ServeProcess } from './serve-process.js';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

let serve: ServeProcess;
let browser: Browser;
let page: Page;

async function post(delivery: Delivery | string): Promise<number> {
  const body = typeof delivery === 'string' ? delivery : JSON.stringify({ webhook_id: 3, ...delivery });
  const response = await fetch(serve.receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return response.status;
}

async function goTo(pageId: string) {
  await page.locator(`nav a[data-page="${pageId}"]`).click();
  await page.locator(`main[data-page="${pageId}"]`).waitFor();
}

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });
const rows = () => page.locator('.event-row[data-event-id]');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  serve = await startServe();
  for (const delivery of farmDay()) expect(await post(delivery)).toBe(200);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', colorScheme: 'light', timezoneId: 'UTC' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('dashboard', () => {
  it('opens with the token from the address, then drops it from the address bar', async () => {
    await page.goto(`${serve.controlUrl}/#token=${serve.token}`);
    await page.locator('[data-testid="connection"][data-state="open"]').waitFor();
    expect(page.url()).not.toContain(serve.token);
    expect(await page.evaluate<string | null>('sessionStorage.getItem("farmhook.controlToken")')).toBe(serve.token);
  });

  it('shows the overview with today’s figures', async () => {
    await page.locator('[data-testid="kpi-printing-now"]').waitFor();
    expect(await page.locator('[data-testid="kpi-printing-now"]').textContent()).toBe(String(FARM_TRUTH.printingNow));
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('overview');
  });

  it('lists events newest first and adds new deliveries live', async () => {
    await goTo('events');
    await waitFor('the stored events', async () => (await rows().count()) === FARM_TRUTH.deliveries);
    await post({ event: 'test', timestamp: Math.floor(Date.now() / 1000), data: {} });
    await waitFor('the live event on top', async () => (await rows().first().locator('.event-name').textContent()) === 'test');
    expect(await rows().count()).toBe(FARM_TRUTH.deliveries + 1);
  });

  it('holds arrivals behind the "new events" pill while scrolled away', async () => {
    await page.setViewportSize({ width: 1440, height: 520 });
    await page.locator('[data-testid="event-scroll"]').evaluate((el) => el.scrollTo({ top: 400 }));
    await waitFor('scrolled away', async () => (await page.locator('[data-testid="event-scroll"]').evaluate((el) => el.scrollTop)) > 100);
    const first = await rows().first().getAttribute('data-event-id');
    await post({ event: 'printer.material_changed', timestamp: Math.floor(Date.now() / 1000), data: { printer: { id: 101, name: 'Prusa MK4 #1' } } });
    await post({ event: 'printer.nozzle_size_changed', timestamp: Math.floor(Date.now() / 1000), data: { printer: { id: 101, name: 'Prusa MK4 #1' } } });
    const pill = page.locator('[data-testid="new-events-pill"]');
    await waitFor('the pill to count two', async () => (await pill.textContent()) === '2 new events');
    expect(await rows().first().getAttribute('data-event-id')).toBe(first);
    await pill.click();
    await waitFor('the new events on top', async () => (await rows().first().locator('.event-name').textContent()) === 'printer.nozzle_size_changed');
    expect(await pill.count()).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('filters by free text and by category', async () => {
    await page.locator('[data-testid="filter-q"]').fill('benchy');
    await waitFor('only the benchy job', async () => {
      const files = await rows().locator('.c-file').allTextContents();
      return files.length === 4 && files.every((f) => f === 'benchy.gcode');
    });
    await page.locator('[data-testid="filter-q"]').fill('');
    await page.locator('[data-testid="filter-category"]').selectOption('queue');
    await waitFor('only queue events', async () => {
      const names = await rows().locator('.event-name').allTextContents();
      return names.length === 3 && names.every((n) => n.startsWith('queue.'));
    });
    await page.locator('[data-testid="filter-category"]').selectOption('');
    await waitFor('the whole log again', async () => (await rows().count()) === FARM_TRUTH.deliveries + 3);
  });

  it('opens a detail with fields, pretty JSON, the raw body and headers, all as text', async () => {
    const failed = rows().filter({ has: page.locator('.event-name', { hasText: 'job.failed' }) });
    await failed.click();
    const detail = page.locator('[data-testid="event-detail"]');
    await detail.getByText('gear_housing.gcode').waitFor();
    await detail.getByRole('tab', { name: 'JSON' }).click();
    await detail.locator('pre.json').getByText('"Prusa MK4 #2"').first().waitFor();
    await detail.getByRole('tab', { name: 'Raw body' }).click();
    expect(await detail.locator('pre').textContent()).toContain('"event":"job.failed"');
    await detail.getByRole('tab', { name: 'Headers' }).click();
    await detail.getByText('content-type').waitFor();
    await detail.getByRole('tab', { name: 'Fields' }).click();
    await page.locator('[data-testid="event-scroll"]').evaluate((el) => el.scrollTo({ top: 0 }));
    await shot('events');
  });

  it('computes the statistics of what was posted', async () => {
    await goTo('statistics');
    const value = (id: string) => page.locator(`[data-testid="${id}"]`).textContent();
    await page.locator('[data-testid="stat-finished"]').waitFor();
    expect(await value('stat-started')).toBe(String(FARM_TRUTH.started));
    expect(await value('stat-deliveries')).toBe(String(FARM_TRUTH.deliveries + 3)); // + test, material, nozzle
    expect(await value('stat-finished')).toBe(String(FARM_TRUTH.finished));
    expect(await value('stat-failed')).toBe(String(FARM_TRUTH.failed));
    expect(await value('stat-cancelled')).toBe(String(FARM_TRUTH.cancelled));
    expect(await value('queue-added')).toBe(String(FARM_TRUTH.queueAdded));
    expect(await value('queue-approved')).toBe(String(FARM_TRUTH.queueApproved));
    expect(await page.locator('[data-testid="printer-table"] tbody tr').count()).toBe(FARM_TRUTH.printers);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('statistics');
  });

  it('shows a card per printer with its state', async () => {
    await goTo('printers');
    await waitFor('every printer card', async () => (await page.locator('.printer-card').count()) === PRINTERS.length);
    expect(await page.locator('.printer-card[data-printer-id="102"]').getAttribute('data-state')).toBe('failed');
    expect(await page.locator('.printer-card[data-printer-id="105"]').getAttribute('data-state')).toBe('printing');
    await page.locator('.printer-card[data-printer-id="103"] .timeline li').first().waitFor();
    await shot('printers');
  });

  it('lists refused deliveries live, with the reason', async () => {
    await goTo('rejections');
    expect(await post('{"event": "job.done", truncated')).toBe(400);
    await page.locator('.rejection .reason', { hasText: 'Not valid JSON' }).waitFor();
    await page.locator('.rejection-summary').first().click();
    await page.locator('.rejection-detail pre', { hasText: 'truncated' }).waitFor();
    await shot('rejections');
  });

  it('shows the health checks', async () => {
    await goTo('health');
    await page.locator('[data-check-id="receiver.listening"]').waitFor();
    expect(await page.locator('[data-check-id="receiver.listening"] .badge').textContent()).toBe('OK');
    await shot('health');
  });

  it('switches to Russian, labels and numbers included', async () => {
    await page.locator('[data-testid="language"]').selectOption('ru');
    await page.locator('nav a[data-page="events"]', { hasText: 'Журнал событий' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('ru');
    await goTo('events');
    await page.locator('.event-label', { hasText: 'Печать не удалась' }).waitFor();
    await page.locator('nav a[data-page="statistics"]').click();
    await page.locator('[data-testid="stat-finished"]').waitFor();
    expect(await page.locator('.kpi-label', { hasText: 'Завершено' }).count()).toBe(1);
    // Russian percentages put a (narrow) space before the sign.
    expect(await page.locator('[data-testid="stat-success"]').textContent()).toMatch(/^\d+(,\d+)?\s%$/);
  });

  it('follows the OS dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(bg).toBe('rgb(11, 17, 32)');
    await page.locator('[data-testid="language"]').selectOption('en');
    await goTo('overview');
    await page.locator('[data-testid="kpi-printing-now"]').waitFor();
    await shot('overview-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('treats a payload containing markup as text', async () => {
    await post({ event: 'job.started', timestamp: Math.floor(Date.now() / 1000), data: { job: { id: 1, file: '<img src=x onerror="window.__pwned=1">.gcode', printer: { id: 101, name: 'Prusa MK4 #1' } } } });
    await goTo('events');
    await waitFor('the hostile row', async () => (await rows().first().locator('.c-file').textContent())?.startsWith('<img') ?? false);
    await rows().first().click();
    await page.locator('[data-testid="event-detail"]').getByText('<img src=x onerror="window.__pwned=1">.gcode').waitFor();
    expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
    await page.keyboard.press('Escape');
  });
});
