// "Copy as curl" must reproduce the body byte-for-byte in a real POSIX shell, whatever it contains.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCurl, pickWebhookUrl, shellQuote } from '../../renderer/src/pages/events/curl.js';

describe('shellQuote', () => {
  it.each([
    `{"event":"job.started","data":{"file":"it's a \\"benchy\\".gcode"}}`,
    `$(touch /tmp/pwned) \`id\` $HOME !! \\ \n second line ' '' '`,
    'Принтер «Мастер» №1',
  ])('survives sh unchanged: %s', (value) => {
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
  });
});

describe('buildCurl', () => {
  it('posts the raw body to the URL and reads the secret from the environment, never inlining it', () => {
    const command = buildCurl({ url: 'http://127.0.0.1:13000/api/v1/simplyprint/webhook', raw: '{"event":"test"}', secretConfigured: true });
    expect(command).toContain(`--data-binary '{"event":"test"}'`);
    expect(command).toContain('"X-SP-Secret: $FARMHOOK_SECRET"');
    expect(command.startsWith(`curl -sS -X POST 'http://127.0.0.1:13000/api/v1/simplyprint/webhook'`)).toBe(true);
    expect(buildCurl({ url: 'http://x/', raw: '{}', secretConfigured: false })).not.toContain('X-SP-Secret');
  });

  it('prefers the loopback webhook URL', () => {
    expect(pickWebhookUrl(['http://192.168.1.5:13000/w', 'http://127.0.0.1:13000/w'])).toBe('http://127.0.0.1:13000/w');
    expect(pickWebhookUrl(['http://192.168.1.5:13000/w'])).toBe('http://192.168.1.5:13000/w');
    expect(pickWebhookUrl([])).toBeNull();
  });
});
