// Every way a SimplyPrint call fails, mapped to a code and a message a technician can act on, and
// never carrying the API key. Against the stand-in of SimplyPrint's API and real closed ports.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimplyPrintClient, SimplyPrintError } from '../../src/simplyprint/index.js';
import { SimplyPrintStandin } from '../standins/simplyprint-api.js';

const KEY = 'SPKEY-Zq8vW3xR7tLm2Np5';
let sp: SimplyPrintStandin;

beforeAll(async () => {
  sp = await SimplyPrintStandin.start({ apiKey: KEY, companyId: 31 });
});
afterAll(() => sp.close());
beforeEach(() => {
  sp.plan = 'print_farm';
  sp.apiKey = KEY;
});

function client(over: Partial<ConstructorParameters<typeof SimplyPrintClient>[0]> = {}): SimplyPrintClient {
  return new SimplyPrintClient({ apiKey: KEY, companyId: 31, baseUrl: sp.baseUrl, timeoutMs: 3_000, ...over });
}

/** Runs the call, expects a SimplyPrintError, and checks no message or field leaks the key. */
async function failure(p: Promise<unknown>, key = KEY): Promise<SimplyPrintError> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SimplyPrintError);
  const e = err as SimplyPrintError;
  expect(e.message).not.toContain(key.trim());
  expect(JSON.stringify(e)).not.toContain(key.trim());
  expect(String(e.stack)).not.toContain(key.trim());
  return e;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('refusals from SimplyPrint', () => {
  it('bad key (401, "No API key provided, or not logged in")', async () => {
    const e = await failure(client({ apiKey: 'SPKEY-wrong-wrong-wrong' }).testKey(), 'SPKEY-wrong-wrong-wrong');
    expect(e).toMatchObject({ code: 'bad_key', httpStatus: 401, serverMessage: 'No API key provided, or not logged in', call: 'account/Test' });
    expect(e.message).toMatch(/did not accept the API key/);
    expect(e.retryable).toBe(false);
  });

  it('a key echoed back by the server is scrubbed from the message', async () => {
    sp.answerNextWith(401, JSON.stringify({ status: false, message: `API key ${KEY} is invalid` }));
    const e = await failure(client().testKey());
    expect(e.code).toBe('bad_key');
    expect(e.serverMessage).toBe('API key [API key] is invalid');
  });

  it('no access to that company', async () => {
    const e = await failure(client({ companyId: 32 }).listWebhooks());
    expect(e).toMatchObject({ code: 'no_company_access', httpStatus: 403, call: 'webhooks/Get' });
    expect(e.message).toContain('company 32');
    expect(e.message).toContain('simplyprint.io/panel/<id>');
  });

  it('plan without webhooks (Pro, not Print Farm)', async () => {
    sp.plan = 'pro';
    await expect(client().testKey()).resolves.toBeTruthy();
    const e = await failure(client().saveWebhook({ name: 'f', url: 'http://a.example/h', events: ['job.done'] }));
    expect(e).toMatchObject({ code: 'plan_lacks_webhooks', httpStatus: 403 });
    expect(e.message).toMatch(/Print Farm plan/);
  });

  it('plan without API (needs Pro)', async () => {
    sp.plan = 'free';
    const e = await failure(client().testKey());
    expect(e).toMatchObject({ code: 'plan_lacks_api', httpStatus: 403 });
    expect(e.message).toMatch(/Pro plan/);
    expect(e.message).toMatch(/Settings → Webhooks → Create webhook/);
  });

  it('a permission refusal', async () => {
    sp.answerNextWith(403, JSON.stringify({ status: false, message: 'Missing permission: webhooks_manage' }));
    const e = await failure(client().listWebhooks());
    expect(e.code).toBe('no_permission');
  });

  it('rate limited, with Retry-After in seconds or as a date', async () => {
    sp.limitNext(1, '17');
    const e = await failure(client().testKey());
    expect(e).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryAfterSeconds: 17 });
    expect(e.message).toContain('17 s');
    expect(e.retryable).toBe(true);

    sp.limitNext(1, new Date(Date.now() + 60_000).toUTCString());
    const dated = await failure(client().testKey());
    expect(dated.retryAfterSeconds).toBeGreaterThan(55);
    expect(dated.retryAfterSeconds).toBeLessThanOrEqual(61);

    sp.limitNext(1);
    const bare = await failure(client().testKey());
    expect(bare).toMatchObject({ code: 'rate_limited', retryAfterSeconds: undefined });
    await expect(client().testKey()).resolves.toBeTruthy();
  });

  it('validation: names the event SimplyPrint refused', async () => {
    const e = await failure(client().saveWebhook({ name: 'f', url: 'http://a.example/h', events: ['job.done', 'job.finished'] }));
    expect(e).toMatchObject({ code: 'validation', httpStatus: 400, serverMessage: 'events.1: Invalid enum value specified!', field: 'events.1', fieldValue: 'job.finished' });
    expect(e.message).toContain('"job.finished"');
    expect(e.message).toContain('events.1: Invalid enum value specified!');

    const bad = await failure(client().saveWebhook({ name: 'f', url: 'not a url', events: ['job.done'] }));
    expect(bad).toMatchObject({ code: 'validation', field: 'url' });
  });

  it('validation of a sample-payload event name', async () => {
    const e = await failure(client().samplePayloads('job.nope'));
    expect(e).toMatchObject({ code: 'validation', field: 'event', fieldValue: 'job.nope' });
    expect(e.message).toContain('refused the event "job.nope"');
  });

  it('a success without the expected fields is an unexpected answer', async () => {
    sp.answerNextWith(200, JSON.stringify({ status: true, message: null, data: 'nope' }));
    expect((await failure(client().listWebhooks())).code).toBe('unexpected_answer');
    sp.answerNextWith(200, JSON.stringify({ status: true, message: null, webhook: { name: 'no id' } }));
    expect((await failure(client().saveWebhook({ name: 'f', url: 'http://a.example/h', events: ['job.done'] }))).code).toBe('unexpected_answer');
  });

  it('unknown webhook id', async () => {
    for (const p of [client().deleteWebhook(99999), client().setWebhookEnabled(99999, true), client().triggerTestWebhook(99999)]) {
      const e = await failure(p);
      expect(e.code).toBe('not_found');
      expect(e.message).toContain('Webhook 99999 does not exist');
    }
  });

  it('status:false inside a 200 is still a failure', async () => {
    sp.answerNextWith(200, JSON.stringify({ status: false, message: 'Something odd happened' }));
    const e = await failure(client().listWebhooks());
    expect(e).toMatchObject({ code: 'rejected', httpStatus: 200, serverMessage: 'Something odd happened' });
  });

  it('server errors, with and without SimplyPrint JSON', async () => {
    sp.answerNextWith(500, JSON.stringify({ status: false, message: 'Internal error' }));
    const e = await failure(client().testKey());
    expect(e).toMatchObject({ code: 'server_error', httpStatus: 500 });
    expect(e.retryable).toBe(true);
    sp.answerNextWith(503, '<html>Maintenance</html>', 'text/html');
    expect((await failure(client().testKey())).code).toBe('server_error');
  });

  it('an answer that is not the API (proxy page, redirect)', async () => {
    sp.answerNextWith(200, '<!doctype html><title>Captive portal</title>', 'text/html');
    const e = await failure(client().testKey());
    expect(e).toMatchObject({ code: 'unexpected_answer', httpStatus: 200 });
    expect(e.message).toContain('not SimplyPrint');
    sp.answerNextWith(302, '', 'text/plain', { Location: 'https://elsewhere.example/' });
    expect((await failure(client().testKey())).code).toBe('unexpected_answer');
  });

  it('keeps the Date of a refusal for the clock check', async () => {
    const c = client({ apiKey: 'SPKEY-other-other-other' });
    sp.clockOffsetMs = 3_600_000;
    const e = await failure(c.testKey(), 'SPKEY-other-other-other');
    sp.clockOffsetMs = 0;
    expect(e.serverTime?.date.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(c.lastServerTime).toEqual(e.serverTime);
  });
});

describe('failures to reach SimplyPrint', () => {
  it('connection refused', async () => {
    const port = await freePort();
    const e = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }).testKey());
    expect(e).toMatchObject({ code: 'network', systemCode: 'ECONNREFUSED', httpStatus: undefined });
    expect(e.message).toContain(`127.0.0.1:${port}`);
  });

  it('DNS: a name that does not resolve', async () => {
    const e = await failure(client({ baseUrl: 'http://farmhook-no-such-host.invalid' }).testKey());
    expect(e.code).toBe('dns');
    expect(e.message).toContain('Could not look up farmhook-no-such-host.invalid');
  });

  it('timeout', async () => {
    sp.stallNext();
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 300 }).testKey());
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('TLS: https to something that does not speak TLS', async () => {
    const e = await failure(client({ baseUrl: sp.baseUrl.replace('http:', 'https:') }).testKey());
    expect(e.code).toBe('tls');
  });

  it('a caller abort is passed through as an abort, not mapped', async () => {
    sp.stallNext();
    const ac = new AbortController();
    const p = client().testKey({ signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('settings checked before sending', () => {
  it('empty key, a key with a line break, bad company id, bad base URL', async () => {
    const before = sp.requests.length;
    expect((await failure(client({ apiKey: '  ' }).testKey())).code).toBe('bad_key');
    // fetch's own refusal of such a header would quote the key; the client must not let it.
    const broken = `${KEY}\nSPKEY-second-line-secret`;
    const e = await failure(client({ apiKey: broken }).testKey(), 'SPKEY-second-line-secret');
    expect(e.code).toBe('bad_key');
    expect(e.message).not.toContain(KEY);
    expect((await failure(client({ companyId: 0 }).testKey())).code).toBe('config');
    expect((await failure(client({ baseUrl: 'ftp://x' }).testKey())).code).toBe('config');
    expect((await failure(client({ baseUrl: 'nonsense' }).testKey())).code).toBe('config');
    expect(sp.requests.length).toBe(before);
  });

  it('a key pasted with surrounding spaces is trimmed and works', async () => {
    await expect(client({ apiKey: `  ${KEY} \n` }).testKey()).resolves.toMatchObject({ message: 'Your API key is valid!' });
  });
});
