// Time from navigation to the first useful paint of the dashboard (Overview figures, the first
// event-log rows) in Debian's Chromium, against a running `farmhook serve`.
import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PaintTimes {
  overview: number;
  eventLog: number;
}

export async function firstPaint(controlUrl: string, token: string, runs = 5): Promise<PaintTimes> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    // The first visit stores the token in the tab's session, as an operator's first click does.
    await page.goto(`${controlUrl}/#token=${token}`);
    await page.locator('[data-testid="kpi-printing-now"]').waitFor();
    const median = async (hash: string, selector: string) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        await page.goto('about:blank');
        const started = performance.now();
        await page.goto(`${controlUrl}/${hash}`);
        await page.locator(selector).first().waitFor();
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    };
    return {
      overview: await median('#/overview', '[data-testid="kpi-printing-now"]'),
      eventLog: await median('#/events', '.event-row[data-event-id]'),
    };
  } finally {
    await browser.close();
  }
}
