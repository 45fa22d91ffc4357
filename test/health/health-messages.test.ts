// The health message catalogue (src/shared/health-messages.ts): both languages for every entry,
// the same placeholders in both, and rendering that substitutes values, nested messages included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  HEALTH_MESSAGES,
  healthMessage,
  healthMessageKeys,
  isHealthMessageKey,
  localiseHealthMessage,
  renderHealthMessage,
  type HealthMessageKey,
} from '../../src/shared/health-messages.js';

const keys = Object.keys(HEALTH_MESSAGES) as HealthMessageKey[];
const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
/** Entries that are only placeholders and punctuation, the same in both languages by design. */
const LANGUAGE_NEUTRAL = new Set<HealthMessageKey>(['text', 'list', 'receiver.lan.address_failed', 'reachability.public.failed', 'probe.fetch_failed', 'probe.http_error']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the health message catalogue', () => {
  it('has an English and a Russian template for every entry', () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      const { en, ru } = HEALTH_MESSAGES[key];
      expect(en.trim(), key).not.toBe('');
      expect(ru.trim(), key).not.toBe('');
      // No stray braces: every {{ opens a well-formed placeholder.
      expect(en.split('{{').length - 1, key).toBe(placeholders(en).length);
      expect(ru.split('{{').length - 1, key).toBe(placeholders(ru).length);
    }
  });

  it('uses exactly the same placeholders in English and Russian', () => {
    for (const key of keys) {
      const { en, ru } = HEALTH_MESSAGES[key];
      expect([...new Set(placeholders(ru))], key).toEqual([...new Set(placeholders(en))]);
    }
  });

  it('is translated: Russian differs from English and is written in Cyrillic', () => {
    for (const key of keys.filter((k) => !LANGUAGE_NEUTRAL.has(k))) {
      const { en, ru } = HEALTH_MESSAGES[key];
      expect(ru, key).not.toBe(en);
      expect(ru, key).toMatch(/[а-яё]/i);
    }
  });

  it('keeps product names and technical tokens untranslated', () => {
    for (const key of keys) {
      const { en, ru } = HEALTH_MESSAGES[key];
      for (const token of ['FarmHook', 'SimplyPrint', 'cloudflared', 'ngrok', 'HTTP', 'http://', 'https://', '--secret', 'FARMHOOK_SECRET', 'config.json', '7844', '429 Too Many Requests', '--protocol http2', 'POST /api/v1/setup/simplyprint/webhook']) {
        if (en.includes(token)) expect(ru, `${key}: ${token}`).toContain(token);
      }
    }
  });

  it('has no entry the core never uses', () => {
    const source = sourceFiles(fileURLToPath(new URL('../../src', import.meta.url)))
      .filter((file) => !file.endsWith('health-messages.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(keys.filter((key) => !source.includes(`'${key}'`))).toEqual([]);
  });
});

describe('renderHealthMessage', () => {
  it('substitutes named values in either language', () => {
    expect(renderHealthMessage('storage.writable.failed', { dir: '/srv/farmhook', error: 'EROFS: read-only file system' }, 'en')).toBe(
      'Cannot write to /srv/farmhook: EROFS: read-only file system.',
    );
    expect(renderHealthMessage('storage.writable.failed', { dir: '/srv/farmhook', error: 'EROFS: read-only file system' }, 'ru')).toBe(
      'Не удаётся записать в /srv/farmhook: EROFS: read-only file system.',
    );
    expect(renderHealthMessage('storage.disk.free', { free: '12.5', percent: 7 }, 'en')).toBe('12.5 GiB free (7%) on the data disk.');
    expect(renderHealthMessage('receiver.secret.ok', {}, 'ru')).toBe('Принимаются только события с секретом вебхука.');
  });

  it('renders nested messages in the same language, a list joined with spaces', () => {
    const refused = healthMessage('probe.fetch_failed', {
      title: [healthMessage('probe.title.refused')],
      detail: 'ECONNREFUSED',
      advice: [healthMessage('probe.advice.refused')],
    });
    const finding = healthMessage('list', {
      items: [
        healthMessage('receiver.lan.address_failed', { address: '192.168.1.5', probe: [refused] }),
        healthMessage('receiver.lan.address_failed', { address: '10.0.0.7', probe: [healthMessage('probe.answer_lost', { detail: [healthMessage('probe.no_answer')] })] }),
      ],
    });
    expect(renderHealthMessage(finding.key, finding.params, 'en')).toBe(
      '192.168.1.5: Connection refused (ECONNREFUSED). Nothing accepts connections there: the port is closed, the router does not forward it to this PC, or the tunnel/proxy is not running. ' +
        '10.0.0.7: The probe arrived, but its answer was lost on the way back (no answer).',
    );
    expect(renderHealthMessage(finding.key, finding.params, 'ru')).toBe(
      '192.168.1.5: В подключении отказано (ECONNREFUSED). Там никто не принимает подключения: порт закрыт, роутер не пробрасывает его на этот ПК или туннель/прокси не запущен. ' +
        '10.0.0.7: Проверочный запрос дошёл, но ответ потерялся на обратном пути (нет ответа).',
    );
    expect(healthMessageKeys(finding)).toEqual(['list', 'receiver.lan.address_failed', 'probe.fetch_failed', 'probe.title.refused', 'probe.advice.refused', 'receiver.lan.address_failed', 'probe.answer_lost', 'probe.no_answer']);
  });

  it('leaves unknown placeholders visible and inserts values once', () => {
    expect(renderHealthMessage('receiver.listening.ok', { host: '0.0.0.0' }, 'en')).toBe('Listening on 0.0.0.0:{{port}}.');
    // A system message that happens to contain braces is shown as it is, not substituted again.
    expect(renderHealthMessage('setup.error', { error: 'bad template {{host}}', host: 'x' }, 'en')).toBe('A check failed: bad template {{host}}');
    expect(renderHealthMessage('text', { text: '' }, 'ru')).toBe('');
  });

  it('renders an unknown key as the key, and localiseHealthMessage refuses it so the caller falls back', () => {
    expect(isHealthMessageKey('storage.disk.free')).toBe(true);
    expect(isHealthMessageKey('toString')).toBe(false);
    expect(renderHealthMessage('from.a.newer.core', {}, 'ru')).toBe('from.a.newer.core');
    expect(localiseHealthMessage({ key: 'from.a.newer.core', params: {} }, 'ru')).toBeNull();
    expect(localiseHealthMessage({ key: 'list', params: { items: [{ key: 'from.a.newer.core', params: {} }] } }, 'ru')).toBeNull();
    expect(localiseHealthMessage(undefined, 'ru')).toBeNull();
    expect(localiseHealthMessage(healthMessage('clock.skew.ahead', { seconds: 42 }), 'ru')).toBe('Часы этого ПК спешат на 42 с относительно часов SimplyPrint.');
  });
});
