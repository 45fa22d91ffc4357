// Chat message templates: every event category renders in English and Russian with the values a
// farm cares about, no placeholder left behind, and payload text that cannot become markup.
import { describe, expect, it } from 'vitest';
import { CATALOGUE, EVENT_CATEGORIES, type EventCategory } from '../../src/shared/catalogue.js';
import { describeEvent } from '../../src/shared/events.js';
import { renderMessage } from '../../src/forward/message.js';
import { renderTemplate } from '../../src/forward/template.js';
import { templateContext } from '../../src/forward/template-context.js';
import { discordPayload, slackPayload } from '../../src/forward/transports/chat.js';
import { telegramText } from '../../src/forward/transports/telegram.js';
import type { StoredEvent } from '../../src/store/hooks.js';
import { extractFields } from '../../src/events/extract.js';

function stored(event: string, data: Record<string, unknown>): StoredEvent {
  const payload = { webhook_id: 1, event, timestamp: 1_764_000_000, data };
  return { id: 42, receivedAt: Date.UTC(2025, 10, 24, 16, 0), payload, ...extractFields(payload) };
}

const printer = { id: 56, name: 'Принтер №3' };
const user = { id: 7, first_name: 'Alex', last_name: 'Johnson' };

/** One realistic event per category, with the value the message must show. */
const SAMPLES: Record<EventCategory, { event: string; data: Record<string, unknown>; shows: string[] }> = {
  job: {
    event: 'job.done',
    data: { job: { id: 1, file: 'bracket_v2.gcode', percentage: 100, duration: 5400, printer }, user },
    shows: ['Принтер №3', 'bracket_v2.gcode', '100%', 'Alex Johnson'],
  },
  printer: {
    event: 'printer.ai_failure_detected',
    data: { job: { id: 2, file: 'vase.gcode', printer }, image: 'https://cdn.example/f.jpg', failures: [{ confidence: 0.92, type: 'spaghetti' }] },
    shows: ['Принтер №3', 'spaghetti 92%', 'vase.gcode'],
  },
  company: { event: 'organization.user_signup', data: { user }, shows: ['Alex Johnson'] },
  queue: {
    event: 'queue.item_denied',
    data: { queue_item: { id: 5, filename: 'gear.3mf', user: 'Maria' }, denied_by: user, reason: 'Too big' },
    shows: ['gear.3mf', 'Alex Johnson', 'Too big'],
  },
  filament: {
    event: 'filament.assigned',
    data: { filament: { id: 3, brand: 'Prusament', type: { name: 'PETG' }, colorName: 'Galaxy Black' }, printer, user },
    shows: ['Prusament PETG Galaxy Black', 'Принтер №3'],
  },
  balance: { event: 'balance.charged', data: { amount: 12.5, user }, shows: ['12.5', 'Alex Johnson'] },
  quota: { event: 'quota.adjusted', data: { amount: 3, user }, shows: ['3', 'Alex Johnson'] },
  maintenance: {
    event: 'maintenance.job_overdue',
    data: { job: { id: 9, title: 'Replace nozzle', printer_id: 56, printer_name: 'Принтер №3' }, scheduled_date: '2025-11-20' },
    shows: ['Replace nozzle', 'Принтер №3', '2025-11-20'],
  },
  test: { event: 'test', data: {}, shows: [] },
  other: { event: 'scale.weighed', data: { printer }, shows: ['scale.weighed', 'Принтер №3'] },
};

describe('default templates', () => {
  for (const category of EVENT_CATEGORIES) {
    for (const language of ['en', 'ru'] as const) {
      it(`render ${category} in ${language}`, () => {
        const sample = SAMPLES[category];
        const event = stored(sample.event, sample.data);
        expect(event.category).toBe(category);
        const message = renderMessage(event, language);
        const text = `${message.title}\n${message.body}`;
        expect(text).not.toMatch(/\{\{|\}\}/);
        for (const value of sample.shows) expect(text).toContain(value);
        if (category !== 'other' && category !== 'test') expect(message.title.startsWith(describeEvent(sample.event).label[language])).toBe(true);
        // Each language's own words, not the other's.
        if (language === 'ru') {
          expect(text).toMatch(/[а-яё]/i);
          expect(text).not.toMatch(/\b(File|Printer|User|By|Progress|Due|Amount|Reason):/);
        } else {
          expect(text).not.toMatch(/(Файл|Принтер|Пользователь|Кто|Прогресс|Срок|Сумма|Причина):/);
        }
      });
    }
  }

  it('render every catalogue event in both languages without leftovers, even with empty data', () => {
    for (const entry of CATALOGUE) {
      for (const language of ['en', 'ru'] as const) {
        const message = renderMessage(stored(entry.event, {}), language);
        expect(message.title.length, entry.event).toBeGreaterThan(0);
        expect(`${message.title}${message.body}`).not.toMatch(/\{\{|\}\}| — $|: $/);
      }
    }
  });

  it('shows the Russian duration units', () => {
    const event = stored('job.done', { job: { id: 1, duration: 5400, printer } });
    expect(renderMessage(event, 'ru').body).toContain('Длительность: 1 ч 30 мин');
    expect(renderMessage(event, 'en').body).toContain('Duration: 1 h 30 min');
  });
});

describe('template language', () => {
  const event = stored('job.started', { job: { id: 1, file: 'a.gcode', printer }, custom: { field: 'x-1' } });
  const lookup = templateContext(event, 'en');

  it('substitutes values, hides sections without a value, shows inverted ones', () => {
    expect(renderTemplate('{{printer.name}} / {{job.file}} / {{data.custom.field}} / [{{missing.value}}]', lookup)).toBe(
      'Принтер №3 / a.gcode / x-1 / []',
    );
    expect(renderTemplate('{{#user.name}}by {{user.name}}{{/user.name}}{{^user.name}}nobody{{/user.name}}', lookup)).toBe('nobody');
    expect(renderTemplate('{{#job.file}}{{#printer.name}}{{job.file}} on {{printer.name}}{{/printer.name}}{{/job.file}}', lookup)).toBe(
      'a.gcode on Принтер №3',
    );
  });

  it('lets a destination override by event name first, then by category', () => {
    const overrides = { job: 'category: {{event.name}}', 'job.started': 'exact: {{job.file}}' };
    expect(renderMessage(event, 'en', overrides).title).toBe('exact: a.gcode');
    expect(renderMessage(stored('job.done', {}), 'en', overrides).title).toBe('category: job.done');
  });
});

describe('escaping per chat service', () => {
  const hostile = stored('job.failed', { job: { id: 1, file: '<b>x</b> & @everyone *bold*', printer } });
  const message = renderMessage(hostile, 'en');

  it('Telegram HTML: payload text is escaped, the title is the only bold', () => {
    const text = telegramText(message.title, message.body);
    expect(text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; @everyone *bold*');
    expect(text.match(/<b>/g)).toHaveLength(1);
    expect(telegramText('t', 'x'.repeat(5000)).length).toBeLessThanOrEqual(4096);
  });

  it('Discord: markdown escaped and no mentions allowed', () => {
    const payload = discordPayload(message, 'job') as { embeds: { description: string }[]; allowed_mentions: { parse: unknown[] } };
    expect(payload.embeds[0]!.description).toContain('\\*bold\\*');
    expect(payload.allowed_mentions.parse).toEqual([]);
  });

  it('Slack: the three control characters escaped', () => {
    const payload = slackPayload(message) as { blocks: { text: { text: string } }[] };
    expect(payload.blocks[0]!.text.text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; @everyone');
  });
});
