// What the setup room keeps across restarts on one data dir: the run history (so the gaps when
// FarmHook was not running show), the webhook secret set in the wizard (in force at once and after a
// restart), the wizard's progress, and a port change (written to config.json, applied at restart).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type FarmhookApp } from '../../src/app.js';
import { resolveConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createHttpApi, type HttpAppApi } from '../../src/shared/client/http.js';
import { startApp } from '../helpers/in-process-app.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir();
afterAll(() => dir.remove());

async function boot(): Promise<{ app: FarmhookApp; api: HttpAppApi; post(headers?: Record<string, string>): Promise<Response> }> {
  // No --port: the port comes from config.json, as it would for a technician's install.
  const config = resolveConfig({ dataDir: dir.path, host: '127.0.0.1', controlPort: 0 }, {});
  const app = await createApp({ config, logger: silentLogger() });
  await app.start();
  const api = createHttpApi({ baseUrl: `http://127.0.0.1:${config.controlPort}`, token: config.controlToken });
  const post = (headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${app.status().receiver.port}/api/v1/simplyprint/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ webhook_id: 1, event: 'test', timestamp: Math.floor(Date.now() / 1000), data: { n: Math.random() } }),
    });
  return { app, api, post };
}

describe('across restarts on one data dir', () => {
  it('keeps the secret, the wizard and the port, and shows the gaps between runs', async () => {
    const firstPort = await freePort();
    writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ port: firstPort, logLevel: 'warn' }));

    // ----- first run: the wizard sets things up ---------------------------------------------------
    const one = await boot();
    expect(one.app.status().receiver.port).toBe(firstPort);
    expect((await one.api.downtime()).gaps).toEqual([]);
    expect((await one.post()).status).toBe(200); // no secret yet: accepted
    const { secret } = await one.api.generateWebhookSecret();
    // In force at once, without a restart.
    expect((await one.post()).status).toBe(401);
    expect((await one.post({ 'x-sp-secret': secret })).status).toBe(200);
    await one.api.updateWizardState({ step: 'simplyprint', choices: { hostMode: 'loopback', mode: 'cloudflare_quick', simplyprintPath: 'manual' } });
    const newPort = await freePort();
    const changed = await one.api.updateSetupSettings({ port: newPort });
    expect(changed.receiver).toMatchObject({ port: newPort, listeningPort: firstPort, restartRequired: true });
    // Other keys of config.json are kept; the secret is not in it (it is in the secret store).
    expect(JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8'))).toEqual({ port: newPort, logLevel: 'warn', host: '127.0.0.1' });
    expect(readFileSync(join(dir.path, 'secrets.json'), 'utf8')).toContain(secret);
    await one.app.stop();
    const stoppedAt = Date.now();

    // ----- second run -----------------------------------------------------------------------------
    const two = await boot();
    expect(two.app.status().receiver.port).toBe(newPort);
    expect((await two.api.setupSettings()).receiver).toMatchObject({ restartRequired: false, secretSet: true, secretSource: 'settings' });
    expect((await two.post()).status).toBe(401);
    expect((await two.post({ 'x-sp-token': secret })).status).toBe(200);
    expect(await two.api.wizardState()).toMatchObject({ step: 'simplyprint', completed: false, choices: { hostMode: 'loopback', mode: 'cloudflare_quick', simplyprintPath: 'manual' } });

    const downtime = await two.api.downtime();
    expect(downtime.runningSince).not.toBeNull();
    expect(downtime.gaps).toHaveLength(1);
    const [gap] = downtime.gaps;
    expect(gap!.unclean).toBe(false);
    expect(Date.parse(gap!.from)).toBeLessThanOrEqual(stoppedAt);
    expect(Date.parse(gap!.to)).toBeGreaterThanOrEqual(stoppedAt);
    expect(gap!.durationMs).toBe(Date.parse(gap!.to) - Date.parse(gap!.from));
    const check = (await two.api.health()).checks.find((c) => c.id === 'deliveries.gaps');
    expect(check).toMatchObject({ status: 'warning' });
    expect(check?.finding).toMatch(/not running 1 time/);
    await two.app.stop();

    // ----- third run: both gaps, newest first --------------------------------------------------------
    const three = await boot();
    const again = await three.api.downtime();
    expect(again.gaps).toHaveLength(2);
    expect(Date.parse(again.gaps[0]!.from)).toBeGreaterThan(Date.parse(again.gaps[1]!.to));
    expect(again.gaps[1]).toEqual(gap);
    await three.app.stop();
  });

  it('leaves a secret given by flag, environment or config.json alone (it would win at the next start anyway)', async () => {
    const run = await startApp({ secret: 'given-on-the-command-line' });
    try {
      const api = createHttpApi({ baseUrl: run.controlUrl, token: run.token });
      expect((await api.setupSettings()).receiver).toMatchObject({ secretSet: true, secretSource: 'config' });
      await expect(api.generateWebhookSecret()).rejects.toMatchObject({ code: 'secret_from_config', status: 409 });
      await expect(api.setWebhookSecret('another-secret-123')).rejects.toMatchObject({ code: 'secret_from_config' });
      expect((await run.post('{"event":"test"}', { 'x-sp-secret': 'given-on-the-command-line' })).status).toBe(200);
      await expect(api.updateSetupSettings({ port: Number(new URL(run.controlUrl).port) })).rejects.toMatchObject({ code: 'port_taken' });
    } finally {
      await run.close();
    }
  });
});
