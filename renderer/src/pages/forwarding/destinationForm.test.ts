import { describe, expect, it } from 'vitest';
import type { Destination } from '../../../../src/shared/forward.js';
import { emptyForm, formFromDestination, formToInput } from './destinationForm.js';

const stored: Destination = {
  id: '3',
  name: 'ERP',
  type: 'http',
  enabled: true,
  events: ['job.*', '!job.paused'],
  printers: [],
  timeoutMs: 2500,
  maxAttempts: 4,
  ordered: true,
  pauseAfterFailures: 20,
  language: 'en',
  templates: {},
  config: { type: 'http', url: 'http://10.0.0.5/hook', signing: 'hmac-sha256', secretSet: true, headerNames: ['X-Api-Key'] },
  paused: false,
  pausedAt: null,
  stateReason: null,
  consecutiveFailures: 0,
  lastSuccessAt: null,
  lastFailureAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('the destination form', () => {
  it('builds the API input of a new signed HTTP destination with its headers', () => {
    const form = { ...emptyForm('http'), name: ' ERP ', url: 'http://10.0.0.5/hook', secret: 'long-enough-secret', events: 'job.*, !job.paused', headers: [{ name: 'X-Api-Key', value: 'k1' }], timeoutSeconds: '2.5' };
    const { input, errors } = formToInput(form, null);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      name: 'ERP',
      events: ['job.*', '!job.paused'],
      timeoutMs: 2500,
      maxAttempts: 8,
      config: { type: 'http', url: 'http://10.0.0.5/hook', signing: 'hmac-sha256', secret: 'long-enough-secret', headers: { 'X-Api-Key': 'k1' } },
    });
  });

  it('says what is missing instead of sending it', () => {
    const { input, errors } = formToInput({ ...emptyForm('http'), url: 'ftp://x', timeoutSeconds: '0', events: 'job failed' }, null);
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['events', 'name', 'secret', 'timeoutSeconds', 'url']);
    expect(formToInput({ ...emptyForm('telegram'), name: 'TG' }, null).errors).toMatchObject({ chatId: { key: 'required' }, botToken: { key: 'required' } });
    expect(formToInput({ ...emptyForm('mqtt'), name: 'HA', mqttUrl: 'mqtt://ha.local', topicPrefix: 'farm/#' }, null).errors).toEqual({ topicPrefix: { key: 'topicPrefix' } });
  });

  it('never shows stored secrets, and leaves them out of an edit so the core keeps them', () => {
    const { form, stored: secrets } = formFromDestination(stored);
    expect(form.secret).toBe('');
    expect(form.headers).toEqual([]);
    expect(form.replaceHeaders).toBe(false);
    expect(secrets).toMatchObject({ secret: true, headerNames: ['X-Api-Key'] });
    expect(form.events).toBe('job.*, !job.paused');
    const { input, errors } = formToInput(form, secrets);
    expect(errors).toEqual({});
    expect(input?.config).toEqual({ type: 'http', url: 'http://10.0.0.5/hook', signing: 'hmac-sha256' });
    expect(input).toMatchObject({ timeoutMs: 2500, maxAttempts: 4, ordered: true });
  });

  it('sends chat templates only when customised, and refuses a broken one', () => {
    const base = { ...emptyForm('telegram'), name: 'TG', chatId: '-100123', botToken: '123:abc' };
    const ok = formToInput({ ...base, templates: { job: '{{event.label}} — {{printer.name}}', printer: '  ' } }, null);
    expect(ok.input?.templates).toEqual({ job: '{{event.label}} — {{printer.name}}' });
    const broken = formToInput({ ...base, templates: { 'job.failed': '{{#job.file}}no end' } }, null);
    expect(broken.input).toBeNull();
    expect(broken.errors).toHaveProperty(['template.job.failed']);
    // Templates mean nothing to an HTTP destination and are not sent.
    expect(formToInput({ ...emptyForm('http'), name: 'H', url: 'http://x/', signing: 'none', templates: { job: 'x' } }, null).input?.templates).toEqual({});
  });
});
