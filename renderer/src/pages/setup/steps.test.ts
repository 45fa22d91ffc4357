import { describe, expect, it } from 'vitest';
import type { ProbeResult, SetupSettings, WebhookCheck } from '../../../../src/shared/setup.js';
import { canTriggerTest, canVisit, isFirstRun, isValidPort, nextStep, previousStep, reachabilityVerdict, resumeStep, simplyprintReady } from './steps.js';

const probe = (ok: boolean): ProbeResult => ({
  ok,
  target: 'http://farm.example.net:13000/api/v1/simplyprint/webhook',
  roundTripMs: ok ? 40 : null,
  failure: ok ? null : 'timeout',
  httpStatus: null,
  message: '',
  arrivedFrom: null,
  checkedAt: '2026-03-10T12:00:00.000Z',
});

const check = (over: Partial<WebhookCheck> = {}): WebhookCheck => ({
  status: 'ok',
  apiConfigured: true,
  expectedUrl: 'http://farm.example.net:13000/api/v1/simplyprint/webhook',
  webhookId: 11,
  currentUrl: 'http://farm.example.net:13000/api/v1/simplyprint/webhook',
  exists: true,
  urlMatches: true,
  enabled: true,
  secretMatches: true,
  eventsCovered: true,
  missingEvents: [],
  fixAvailable: false,
  problems: [],
  error: null,
  checkedAt: '2026-03-10T12:00:00.000Z',
  ...over,
});

describe('the wizard’s route', () => {
  it('goes receiver → reachability → simplyprint → test → done and back', () => {
    expect(nextStep('receiver')).toBe('reachability');
    expect(nextStep('simplyprint')).toBe('test');
    expect(nextStep('test')).toBe('done');
    expect(previousStep('reachability')).toBe('receiver');
    expect(previousStep('receiver')).toBeNull();
  });

  it('resumes at the saved step, and a finished wizard at its summary', () => {
    expect(resumeStep(undefined)).toBe('receiver');
    expect(resumeStep({ step: 'simplyprint', completed: false })).toBe('simplyprint');
    expect(resumeStep({ step: 'done', completed: true })).toBe('done');
    // Marked done without the test arriving (an older state): the test is what is left to do.
    expect(resumeStep({ step: 'done', completed: false })).toBe('test');
  });

  it('lets earlier steps be revisited, later ones only after Continue', () => {
    expect(canVisit('receiver', 'simplyprint', 'simplyprint')).toBe(true);
    expect(canVisit('test', 'simplyprint', 'simplyprint')).toBe(false);
    // Went back from the test step: the way forward to it stays open.
    expect(canVisit('test', 'receiver', 'test')).toBe(true);
  });

  it('opens by itself only on a first run', () => {
    expect(isFirstRun(null, { completed: false })).toBe(true);
    expect(isFirstRun('2026-03-10T12:00:00.000Z', { completed: false })).toBe(false);
    expect(isFirstRun(null, { completed: true })).toBe(false);
  });
});

describe('what each step needs before Continue', () => {
  it('a real port', () => {
    expect(['13000', '1', '65535'].map(isValidPort)).toEqual([true, true, true]);
    expect(['0', '65536', '13 000', '', 'abc', '1.5'].map(isValidPort)).toEqual([false, false, false, false, false, false]);
  });

  it('a way in, a public URL, and a passed probe (or the technician’s word)', () => {
    const url = 'http://farm.example.net:13000/api/v1/simplyprint/webhook';
    expect(reachabilityVerdict(null, null, null)).toBe('choose');
    expect(reachabilityVerdict('lan_only', null, null)).toBe('ready');
    expect(reachabilityVerdict('cloudflare_quick', null, null)).toBe('need_url');
    expect(reachabilityVerdict('port_forward', url, null)).toBe('check');
    expect(reachabilityVerdict('port_forward', url, probe(false))).toBe('check');
    expect(reachabilityVerdict('port_forward', url, probe(true))).toBe('ready');
  });

  it('a webhook that points here and is on, or the technician’s word on the manual path', () => {
    expect(simplyprintReady('automatic', null, true)).toBe(false);
    expect(simplyprintReady('automatic', check(), false)).toBe(true);
    expect(simplyprintReady('automatic', check({ urlMatches: false }), false)).toBe(false);
    expect(simplyprintReady('automatic', check({ enabled: false }), false)).toBe(false);
    expect(simplyprintReady('manual', null, false)).toBe(false);
    expect(simplyprintReady('manual', null, true)).toBe(true);
  });

  it('triggers the test through the API only where FarmHook made the webhook', () => {
    const settings = (over: { apiKeySet?: boolean; webhookId?: number | null; mode?: 'port_forward' | 'lan_only' }) =>
      ({
        simplyprint: { companyId: 4242, apiKeySet: over.apiKeySet ?? true, apiBaseUrl: 'https://api.simplyprint.io', webhookId: over.webhookId === undefined ? 11 : over.webhookId, events: [] },
        reachability: { mode: over.mode ?? 'port_forward', publicBaseUrl: null, cloudflaredPath: 'cloudflared', ngrokApiUrl: 'http://127.0.0.1:4040', tunnelAutoStart: false },
      }) as Pick<SetupSettings, 'simplyprint' | 'reachability'>;
    expect(canTriggerTest('automatic', settings({}))).toBe(true);
    expect(canTriggerTest(undefined, settings({}))).toBe(true);
    expect(canTriggerTest('manual', settings({}))).toBe(false);
    expect(canTriggerTest('automatic', settings({ webhookId: null }))).toBe(false);
    expect(canTriggerTest('automatic', settings({ apiKeySet: false }))).toBe(false);
    expect(canTriggerTest('automatic', settings({ mode: 'lan_only' }))).toBe(false);
  });
});
