// ngrok through its agent's local API (a stand-in of the agent; its "public" URL is a real local
// proxy standing in for ngrok's edge): no agent, an agent forwarding elsewhere, then the right
// tunnel, which FarmHook verifies end to end with a probe through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, type HttpAppApi } from '../../src/shared/client/http.js';
import type { TunnelStatus } from '../../src/shared/setup.js';
import { startApp, type RunningApp } from '../helpers/in-process-app.js';
import { waitFor } from '../helpers/wait.js';
import { EdgeProxy } from '../standins/edge-proxy.js';
import { NgrokAgentStandin } from '../standins/ngrok-agent.js';

let run: RunningApp;
let api: HttpAppApi;
let agent: NgrokAgentStandin;
let edge: EdgeProxy;

beforeAll(async () => {
  run = await startApp({}, { setup: { tunnelPollMs: 100, verifyDelaysMs: [0, 200], webhookCheckTtlMs: 0 } });
  api = createHttpApi({ baseUrl: run.controlUrl, token: run.token });
  agent = await NgrokAgentStandin.start();
  edge = await EdgeProxy.start(run.receiverUrl);
});
afterAll(async () => {
  await api.stopTunnel();
  await run?.close();
  await agent?.close();
  await edge?.stop();
});

const tunnelWhere = (what: string, match: (s: TunnelStatus) => boolean) =>
  waitFor(async () => {
    const status = await api.tunnelStatus();
    return match(status) ? status : null;
  }, what);

describe('ngrok via the agent API', () => {
  it('no agent, wrong port, then the right tunnel: connected, then verified through it', async () => {
    await api.updateSetupSettings({ mode: 'ngrok', ngrokApiUrl: 'http://127.0.0.1:9' });
    await api.startTunnel();
    const none = await tunnelWhere('agent not running', (s) => s.state === 'failed');
    expect(none.hints.map((h) => h.code)).toEqual(['agent_not_running']);

    // Changing the agent address restarts the watcher.
    agent.tunnels = [{ publicUrl: 'https://aaaa-203-0-113-5.ngrok-free.app', addr: 'http://localhost:8080' }];
    await api.updateSetupSettings({ ngrokApiUrl: agent.apiUrl });
    await api.startTunnel();
    const wrong = await tunnelWhere('no matching tunnel', (s) => s.hints.some((h) => h.code === 'no_matching_tunnel'));
    expect(wrong.state).toBe('failed');

    const port = new URL(run.receiverUrl).port;
    agent.tunnels.push({ publicUrl: edge.url, addr: `http://localhost:${port}` });
    const verified = await tunnelWhere('verified', (s) => s.state === 'verified');
    expect(verified).toMatchObject({ provider: 'ngrok', publicUrl: edge.url, verification: { ok: true } });
    expect((await api.setupSettings()).publicWebhookUrl).toBe(`${edge.url}/api/v1/simplyprint/webhook`);
    expect((await api.health()).checks.find((c) => c.id === 'reachability.tunnel')).toMatchObject({ status: 'ok' });
  });
});
