import { describe, expect, it } from 'vitest';
import { hasProblem, webhookUrlWarnings } from './urlWarnings.js';

const PATHS = ['/api/v1/simplyprint/webhook', '/api/v1/simpleprint/webhook'];
const codes = (url: string, lanOnly = false) => webhookUrlWarnings(url, { webhookPaths: PATHS, controlPort: 13001, lanOnly }).map((w) => w.code);

describe('webhook URL warnings', () => {
  it('are silent for a public name or address on the webhook path, http or https', () => {
    expect(codes('http://farm.example.net:13000/api/v1/simplyprint/webhook')).toEqual([]);
    expect(codes('https://quiet-fox-12.trycloudflare.com/api/v1/simplyprint/webhook/')).toEqual([]);
    expect(codes('http://203.0.113.7:13000/api/v1/simpleprint/webhook/')).toEqual([]);
    expect(codes('https://[2001:db8::7]/api/v1/simplyprint/webhook')).toEqual([]);
    expect(codes('')).toEqual([]);
  });

  it('say when SimplyPrint would send a chat message instead of its JSON', () => {
    expect(codes('https://discord.com/api/webhooks/123/abc')).toEqual(['chat_discord']);
    expect(codes('https://canary.discordapp.com/api/v10/webhooks/1/x')).toEqual(['chat_discord']);
    expect(codes('https://hooks.slack.com/services/T0/B0/XYZ')).toEqual(['chat_slack']);
    expect(codes('https://contoso.webhook.office.com/webhookb2/abc')).toEqual(['chat_teams']);
    expect(codes('https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke')).toEqual(['chat_teams']);
    // A Discord page that is not a webhook is not a chat webhook (but still the wrong path).
    expect(codes('https://discord.com/channels/1')).toEqual(['wrong_path']);
  });

  it('say when SimplyPrint’s servers cannot reach the address', () => {
    expect(codes('http://localhost:13000/api/v1/simplyprint/webhook')).toEqual(['loopback']);
    expect(codes('http://127.0.0.1:13000/api/v1/simplyprint/webhook')).toEqual(['loopback']);
    expect(codes('http://[::1]:13000/api/v1/simplyprint/webhook')).toEqual(['loopback']);
    expect(codes('http://0.0.0.0:13000/api/v1/simplyprint/webhook')).toEqual(['loopback']);
    for (const host of ['10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.20', '[fd12:3456::1]', '[::ffff:192.168.1.20]']) {
      expect(codes(`http://${host}:13000/api/v1/simplyprint/webhook`), host).toEqual(['private']);
    }
    expect(codes('http://169.254.10.1:13000/api/v1/simplyprint/webhook')).toEqual(['link_local']);
    expect(codes('http://[fe80::1]:13000/api/v1/simplyprint/webhook')).toEqual(['link_local']);
    expect(codes('http://100.72.1.9:13000/api/v1/simplyprint/webhook')).toEqual(['cgnat']);
    // Neighbours of the private ranges are public.
    expect(codes('http://172.32.0.1:13000/api/v1/simplyprint/webhook')).toEqual([]);
    expect(codes('http://100.128.0.1:13000/api/v1/simplyprint/webhook')).toEqual([]);
  });

  it('only suspect names that a local resolver alone knows', () => {
    const found = webhookUrlWarnings('http://farm-pc.local:13000/api/v1/simplyprint/webhook', { webhookPaths: PATHS });
    expect(found).toEqual([{ code: 'local_name', severity: 'warning', params: { host: 'farm-pc.local' } }]);
    expect(hasProblem(found)).toBe(false);
    expect(codes('http://farmpc:13000/api/v1/simplyprint/webhook')).toEqual(['local_name']);
    expect(codes('http://printers.home.arpa:13000/api/v1/simplyprint/webhook')).toEqual(['local_name']);
  });

  it('accept local addresses when the technician chose "LAN only"', () => {
    expect(codes('http://192.168.1.20:13000/api/v1/simplyprint/webhook', true)).toEqual([]);
    expect(codes('http://farm-pc.local:13000/api/v1/simplyprint/webhook', true)).toEqual([]);
  });

  it('catch the dashboard’s address or a path other than the webhook’s', () => {
    expect(codes('http://127.0.0.1:13001/#/overview', true)).toEqual(['control_port', 'wrong_path']);
    const wrong = webhookUrlWarnings('http://farm.example.net:13000/', { webhookPaths: PATHS });
    expect(wrong).toEqual([{ code: 'wrong_path', severity: 'problem', params: { path: '/', expected: '/api/v1/simplyprint/webhook' } }]);
  });

  it('refuse what is not an http(s) URL', () => {
    expect(codes('farm.example.net:13000/api/v1/simplyprint/webhook')).toEqual(['not_http']);
    expect(codes('not a url')).toEqual(['invalid']);
    expect(codes('ftp://farm.example.net/api/v1/simplyprint/webhook')).toEqual(['not_http']);
  });
});
