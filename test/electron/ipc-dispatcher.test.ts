// The IPC dispatcher as a pure function over a real in-process core: good calls, unknown methods,
// foreign senders, bad arguments, and errors shaped as the HTTP API shapes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, createDispatcher, originOf, type Dispatch } from '../../electron/ipc-dispatcher.js';
import { IPC_METHODS } from '../../electron/ipc-methods.js';
import { createLocalApi } from '../../src/local-api.js';
import { AppApiError } from '../../src/shared/api.js';
import { createIpcApi, type ExportOverIpc } from '../../src/shared/client/ipc.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { envelope, phpJson, printJob } from '../helpers/simplyprint-bodies.js';

const PAGE = `${APP_ORIGIN}/index.html#/events`;
let running: RunningApp;
let dispatch: Dispatch;
const unexpected: unknown[] = [];

beforeAll(async () => {
  running = await startApp();
  const api = createLocalApi({ context: running.app.context, forwarding: running.app.forwarding });
  dispatch = createDispatcher({ api, onError: (_method, error) => unexpected.push(error) });
  expect((await running.post(phpJson(envelope('job.failed', { job: printJob({ state: 'failed' }) })))).status).toBe(200);
});
afterAll(() => running.close());

describe('IPC dispatcher', () => {
  it('answers a good call with {ok, data}, the same data the HTTP API gives', async () => {
    const result = await dispatch(PAGE, 'listEvents', [{ limit: 5 }]);
    expect(result.ok).toBe(true);
    const viaHttp = await (await running.api('/api/v1/events?limit=5')).json();
    expect(result.ok && result.data).toEqual(viaHttp);
    expect(await dispatch(PAGE, 'status', [])).toMatchObject({ ok: true, data: { receiver: { listening: true } } });
  });

  it('fills in defaults as the HTTP routes do', async () => {
    const result = await dispatch(PAGE, 'listAlerts', [{}]);
    expect(result).toMatchObject({ ok: true, data: { items: [{ rule: 'job.failed' }] } });
  });

  it('refuses a sender that is not the app page', async () => {
    for (const sender of ['http://127.0.0.1:13001/', 'file:///tmp/evil.html', 'https://farmhook.example/', 'app://other/index.html', '', null, undefined]) {
      expect(await dispatch(sender, 'status', []), String(sender)).toEqual({
        ok: false,
        error: { error: 'forbidden', message: 'Only the FarmHook window may call the app.', status: 403 },
      });
    }
  });

  it('refuses methods that are not AppApi calls', async () => {
    for (const method of ['nope', 'subscribe', 'constructor', '__proto__', 'toString', 42]) {
      const result = await dispatch(PAGE, method, []);
      expect(result, String(method)).toMatchObject({ ok: false, error: { error: 'unknown_method', status: 404 } });
    }
  });

  it('refuses bad arguments with a 400 naming what is wrong', async () => {
    const cases: [string, unknown][] = [
      ['listEvents', [{ limit: 'many' }]],
      ['listEvents', [{ limit: 5000 }]],
      ['getEvent', ['../../etc/passwd']],
      ['getEvent', [1]],
      ['acknowledgeAlert', []],
      ['pauseAlerts', [-5]],
      ['updateAlertSettings', [{ noDeliveryHours: 'six' }]],
      ['status', ['extra']],
      ['status', 'not an array'],
    ];
    for (const [method, args] of cases) {
      const result = await dispatch(PAGE, method, args);
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { error: 'invalid_request', status: 400 } });
    }
    const result = await dispatch(PAGE, 'listEvents', [{ limit: 'many' }]);
    expect(!result.ok && result.error.message).toContain('/limit');
  });

  it('passes on the core errors with the HTTP codes', async () => {
    expect(await dispatch(PAGE, 'getEvent', ['999999'])).toEqual({ ok: false, error: { error: 'not_found', message: 'No event 999999.', status: 404 } });
    expect(await dispatch(PAGE, 'acknowledgeAlert', ['999999'])).toMatchObject({ ok: false, error: { error: 'not_found', status: 404 } });
    expect(await dispatch(PAGE, 'listEvents', [{ from: 'yesterday-ish' }])).toMatchObject({ ok: false, error: { error: 'bad_query', status: 400 } });
    expect(unexpected).toEqual([]);
  });

  it('sends exports as text and the IPC client makes a Blob of them again', async () => {
    const result = await dispatch(PAGE, 'exportEvents', [{}, 'csv']);
    expect(result.ok).toBe(true);
    const file = (result as { data: ExportOverIpc }).data;
    expect(file.fileName).toMatch(/^farmhook-events-.*\.csv$/);
    expect(file.text.split('\r\n')[0]).toContain('id,receivedAt');
    expect(file.text).toContain('job.failed');

    const api = createIpcApi({ invoke: (method, args) => dispatch(PAGE, method, args), onPush: () => () => {} });
    const exported = await api.exportEvents({}, 'ndjson');
    expect(exported.blob).toBeInstanceOf(Blob);
    expect(JSON.parse((await exported.blob.text()).split('\n')[0]!)).toMatchObject({ event: 'job.failed', payload: { event: 'job.failed' } });
    await expect(api.getEvent('999999')).rejects.toEqual(new AppApiError('not_found', 'No event 999999.', 404));
  });

  it('lists every AppApi method but subscribe', () => {
    expect(Object.keys(IPC_METHODS)).not.toContain('subscribe');
    expect(Object.keys(IPC_METHODS)).toContain('acknowledgeAlert');
  });

  it('reads origins of the app scheme', () => {
    expect(originOf('app://farmhook/index.html#/x')).toBe(APP_ORIGIN);
    expect(originOf('not a url')).toBeNull();
  });
});
