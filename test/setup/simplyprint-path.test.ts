// The wizard's automatic path over the control API, against the stand-in of SimplyPrint's API:
// validate the key, create the webhook (URL, secret, events, enabled), trigger SimplyPrint's test
// delivery and wait for it; and the diagnoses when it goes wrong (wrong secret, wrong path, nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, type HttpAppApi } from '../../src/shared/client/http.js';
import { SUBSCRIBABLE_EVENTS } from '../../src/health/needed-events.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { SimplyPrintStandin } from '../standins/simplyprint-api.js';

let sp: SimplyPrintStandin;
let run: RunningApp;
let api: HttpAppApi;
let secret: string;
let webhookId: number;

beforeAll(async () => {
  sp = await SimplyPrintStandin.start({ apiKey: 'sp-key-for-setup-tests-5d1e', companyId: 4242 });
  run = await startApp({}, { setup: { webhookCheckTtlMs: 0 } });
  api = createHttpApi({ baseUrl: run.controlUrl, token: run.token });
});
afterAll(async () => {
  await run?.close();
  await sp?.close();
});

describe('the automatic path', () => {
  it('stores the connection without ever answering the key or the secret back', async () => {
    await api.updateSetupSettings({ mode: 'port_forward', publicUrl: `${run.receiverUrl}/api/v1/simplyprint/webhook` });
    const generated = await api.generateWebhookSecret();
    secret = generated.secret;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(generated.receiver).toMatchObject({ secretSet: true, secretSource: 'settings' });
    const connection = await api.setSimplyPrintConnection({ companyId: 4242, apiKey: sp.apiKey, apiBaseUrl: sp.baseUrl });
    expect(connection).toEqual({ companyId: 4242, apiKeySet: true, apiBaseUrl: sp.baseUrl, webhookId: null, events: [] });

    const settings = await api.setupSettings();
    // The full webhook URL typed in is kept as its base; the webhook URL is rebuilt from it.
    expect(settings.reachability.publicBaseUrl).toBe(run.receiverUrl);
    expect(settings.publicWebhookUrl).toBe(run.webhookUrl);
    expect(settings.publicWebhookUrlWarnings.map((w) => w.code)).toContain('loopback');
    const text = JSON.stringify(settings);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(sp.apiKey);
  });

  it('validates the key, and says so in plain words when it is wrong or the plan lacks webhooks', async () => {
    expect(await api.validateSimplyPrint()).toMatchObject({ ok: true, message: 'Your API key is valid!', error: null });

    await api.setSimplyPrintConnection({ apiKey: 'not-the-key-0000' });
    const bad = await api.validateSimplyPrint();
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_key' } });
    expect(JSON.stringify(bad)).not.toContain('not-the-key-0000');

    await api.setSimplyPrintConnection({ apiKey: sp.apiKey });
    sp.plan = 'pro';
    expect(await api.validateSimplyPrint()).toMatchObject({ ok: false, error: { code: 'plan_lacks_webhooks' } });
    sp.plan = 'print_farm';
  });

  it('finds no webhook, offers the fix, and the fix creates it with URL, secret, all events, enabled', async () => {
    const before = await api.checkSimplyPrintWebhook();
    expect(before).toMatchObject({ apiConfigured: true, exists: false, fixAvailable: true, status: 'problem' });

    const after = await api.saveSimplyPrintWebhook({});
    expect(after).toMatchObject({ status: 'ok', exists: true, urlMatches: true, enabled: true, secretMatches: true, eventsCovered: true, problems: [] });
    expect(sp.webhooks.size).toBe(1);
    const stored = [...sp.webhooks.values()][0]!;
    webhookId = stored.id;
    expect(stored).toMatchObject({ url: run.webhookUrl, secret, enabled: true });
    expect(stored.events).toEqual([...SUBSCRIBABLE_EVENTS].sort());
    const create = sp.requests.find((r) => r.call === 'webhooks/Create');
    expect(create?.body).toMatchObject({ enabled: true, url: run.webhookUrl, secret });
    expect((await api.setupSettings()).simplyprint.webhookId).toBe(webhookId);

    const health = await api.health();
    expect(health.checks.find((c) => c.id === 'simplyprint.webhook')?.status).toBe('ok');
  });

  it('triggers the test delivery, and the wait answers "arrived" with the stored event', async () => {
    const trigger = await api.triggerTestDelivery();
    expect(trigger.webhookId).toBe(webhookId);
    const result = await api.waitForTestDelivery({ since: trigger.since, timeoutMs: 15_000 });
    expect(result).toMatchObject({ outcome: 'arrived', diagnosis: [] });
    expect((await api.getEvent(result.eventId!)).event).toBe('test');
    // Waiting again after it arrived answers at once from the stored event (no race with the wizard).
    expect((await api.waitForTestDelivery({ since: trigger.since, timeoutMs: 0 })).outcome).toBe('arrived');
  });

  it('a second test within the same second (byte-identical, kept as a duplicate) still counts as arrived', async () => {
    const first = await api.triggerTestDelivery();
    const second = await api.triggerTestDelivery();
    expect((await api.waitForTestDelivery({ since: first.since, timeoutMs: 15_000 })).outcome).toBe('arrived');
    await sp.waitForDeliveries(3);
    expect((await api.waitForTestDelivery({ since: second.since, timeoutMs: 15_000 })).outcome).toBe('arrived');
  });
});

describe('diagnosing a test delivery that does not arrive cleanly', () => {
  it('refused with the wrong secret: the check sees it, the wait says so, the fix repairs it', async () => {
    sp.webhooks.get(webhookId)!.secret = 'someone-changed-it-in-the-panel';
    const check = await api.checkSimplyPrintWebhook();
    expect(check).toMatchObject({ status: 'problem', secretMatches: false, urlMatches: true, fixAvailable: true });

    const trigger = await api.triggerTestDelivery();
    const result = await api.waitForTestDelivery({ since: trigger.since, timeoutMs: 15_000 });
    expect(result.outcome).toBe('wrong_secret');
    expect(result.message).toMatch(/secret/);

    expect((await api.saveSimplyPrintWebhook({})).status).toBe('ok');
    expect(sp.webhooks.get(webhookId)!.secret).toBe(secret);
  });

  it('arrived at the wrong path', async () => {
    sp.webhooks.get(webhookId)!.url = `${run.receiverUrl}/webhook`;
    const trigger = await api.triggerTestDelivery();
    const result = await api.waitForTestDelivery({ since: trigger.since, timeoutMs: 15_000 });
    expect(result).toMatchObject({ outcome: 'wrong_path', path: '/webhook' });
  });

  it('nothing arrived: the diagnosis names where SimplyPrint sends to instead', async () => {
    sp.webhooks.get(webhookId)!.url = 'http://127.0.0.1:9/api/v1/simplyprint/webhook';
    const trigger = await api.triggerTestDelivery();
    await sp.waitForDeliveries(6);
    const result = await api.waitForTestDelivery({ since: trigger.since, timeoutMs: 500 });
    expect(result.outcome).toBe('nothing');
    expect(result.diagnosis.join(' ')).toContain('SimplyPrint delivers to http://127.0.0.1:9/api/v1/simplyprint/webhook');
    expect(result.diagnosis.join(' ')).toMatch(/public address works/);

    // The one-click fix points it back here, and the next test arrives.
    await api.saveSimplyPrintWebhook({});
    const again = await api.triggerTestDelivery();
    expect((await api.waitForTestDelivery({ since: again.since, timeoutMs: 15_000 })).outcome).toBe('arrived');
  });

  it('refuses nonsense settings with the usual error body', async () => {
    await expect(api.updateSetupSettings({ port: 0 })).rejects.toMatchObject({ code: 'invalid_request', status: 400 });
    await expect(api.updateSetupSettings({ publicUrl: 'farm.example.net' })).rejects.toMatchObject({ code: 'invalid_url', status: 400 });
    await expect(api.setSimplyPrintConnection({ events: ['job.finished'] })).rejects.toMatchObject({ code: 'unknown_events', status: 400 });
  });

  it('refuses to create a webhook without a public address', async () => {
    await api.updateSetupSettings({ mode: 'lan_only' });
    await expect(api.saveSimplyPrintWebhook({})).rejects.toMatchObject({ code: 'no_public_url', status: 409 });
    const check = await api.checkSimplyPrintWebhook();
    expect(check.problems.join(' ')).toMatch(/LAN only/);
    await api.updateSetupSettings({ mode: 'port_forward' });
  });
});
