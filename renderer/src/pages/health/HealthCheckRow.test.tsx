import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { healthMessage, renderHealthMessage, type HealthMessage } from '../../../../src/shared/health-messages.js';
import type { HealthCheck } from '../../../../src/shared/schemas.js';
import { setupI18n, type Language } from '../../i18n/index.js';
import { HealthCheckRow } from './HealthCheckRow.js';

afterEach(cleanup);

/** A check as the core sends it: the English text beside each catalogue message. */
function check(id: string, status: HealthCheck['status'], finding: HealthMessage, action: HealthMessage | null): HealthCheck {
  const en = (m: HealthMessage) => renderHealthMessage(m.key, m.params, 'en');
  return { id, title: 'Core title', status, finding: en(finding), action: action && en(action), findingMessage: finding, actionMessage: action, checkedAt: '2025-06-01T12:00:00.000Z' };
}

const disk = check('storage.disk', 'warning', healthMessage('storage.disk.free', { free: '0.8', percent: 3 }), healthMessage('storage.disk.low_action'));
const unreachable = check(
  'reachability.public',
  'problem',
  healthMessage('reachability.public.failed', {
    url: 'https://farm.example.net/api/v1/simplyprint/webhook',
    probe: [healthMessage('probe.fetch_failed', { title: [healthMessage('probe.title.refused')], detail: 'ECONNREFUSED', advice: [healthMessage('probe.advice.refused')] })],
  }),
  null,
);

function show(row: HealthCheck, language: Language) {
  const i18n = setupI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <ul>
        <HealthCheckRow check={row} />
      </ul>
    </I18nextProvider>,
  );
  return i18n;
}

const finding = () => document.querySelector('.check-main > p:not(.check-action)')?.textContent;
const action = () => document.querySelector('.check-action')?.textContent ?? null;

describe('HealthCheckRow', () => {
  it('shows the finding and what to do in English', () => {
    show(disk, 'en');
    expect(screen.getByRole('heading').textContent).toBe('Disk space');
    expect(finding()).toBe('0.8 GiB free (3%) on the data disk.');
    expect(action()).toBe('What to do: Free some disk space or delete old events.');
  });

  it('shows them in Russian when the dashboard speaks Russian', () => {
    show(disk, 'ru');
    expect(screen.getByRole('heading').textContent).toBe('Место на диске');
    expect(finding()).toBe('Свободно 0.8 ГиБ (3%) на диске с данными.');
    expect(action()).toBe('Что сделать: Освободите место на диске или удалите старые события.');
  });

  it('renders messages nested in the finding in the same language, and follows a language switch', () => {
    const i18n = show(unreachable, 'ru');
    expect(finding()).toBe(
      'https://farm.example.net/api/v1/simplyprint/webhook: В подключении отказано (ECONNREFUSED). Там никто не принимает подключения: порт закрыт, роутер не пробрасывает его на этот ПК или туннель/прокси не запущен.',
    );
    expect(action()).toBeNull();
    act(() => {
      void i18n.changeLanguage('en');
    });
    expect(finding()).toBe(unreachable.finding);
    expect(finding()).toMatch(/: Connection refused \(ECONNREFUSED\)\. Nothing accepts connections there/);
  });

  it("falls back to the core's English without a message, or with a key this dashboard does not know", () => {
    const { findingMessage: _f, actionMessage: _a, ...plain } = disk;
    show(plain, 'ru');
    expect(finding()).toBe('0.8 GiB free (3%) on the data disk.');
    expect(action()).toBe('Что сделать: Free some disk space or delete old events.');
    cleanup();
    show({ ...disk, findingMessage: { key: 'storage.disk.from_a_newer_core', params: {} } }, 'ru');
    expect(finding()).toBe('0.8 GiB free (3%) on the data disk.');
    expect(action()).toBe('Что сделать: Освободите место на диске или удалите старые события.');
  });
});
