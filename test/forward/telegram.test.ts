// Telegram through a stand-in of the Bot API: the message as a chat member sees it, flood control
// honoured, and Telegram's own error text in the log without the bot token anywhere.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramStandIn, type TelegramStandIn } from '../standins/telegram-bot-api.js';
import { waitFor } from '../helpers/wait.js';
import { openHarness, type Harness } from './harness.js';

const TOKEN = '7000000001:AAH-test-token-0123456789abcdefghij';
const CHAT = '-1001234567890';

let harness: Harness | null = null;
let telegram: TelegramStandIn | null = null;
afterEach(async () => {
  await harness?.close();
  await telegram?.close();
  harness = null;
  telegram = null;
});

const telegramDestination = (baseUrl: string, chatId = CHAT, language: 'en' | 'ru' = 'ru') => ({
  name: 'Цех Б',
  language,
  events: ['job.*'],
  timeoutMs: 2000,
  config: { type: 'telegram' as const, chatId, botToken: TOKEN, apiBaseUrl: baseUrl },
});

describe('Telegram forwarding', () => {
  it('sends the Russian message with a bold title, payload text shown literally', async () => {
    telegram = await startTelegramStandIn({ token: TOKEN, chats: [CHAT] });
    harness = await openHarness();
    const d = harness.forwarding.createDestination(telegramDestination(telegram.baseUrl));
    expect(d.config).toEqual({ type: 'telegram', chatId: CHAT, apiBaseUrl: telegram.baseUrl, botTokenSet: true });
    expect(JSON.stringify(d)).not.toContain(TOKEN);

    await harness.ingest('job.failed', { job: { id: 1, file: '<script>&bracket.gcode', printer: { id: 3, name: 'MK4 #3' } } });
    await waitFor(() => telegram!.messages.length === 1, 'the Telegram message');
    const [message] = telegram.messages;
    expect(message).toMatchObject({ chatId: CHAT, parseMode: 'HTML', bold: ['Печать не удалась — MK4 #3'] });
    expect(message!.visibleText).toBe('Печать не удалась — MK4 #3\nФайл: <script>&bracket.gcode');
    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'delivered', 'delivered status');
    const attempt = harness.forwarding.listAttempts({}).items[0]!;
    expect(attempt.responseBody).toContain('"ok":true');
  });

  it('honours flood control retry_after', async () => {
    telegram = await startTelegramStandIn({ token: TOKEN, chats: [CHAT] });
    telegram.floodControl(1, 1);
    harness = await openHarness();
    harness.forwarding.createDestination(telegramDestination(telegram.baseUrl, CHAT, 'en'));
    await harness.ingest('job.done', { job: { id: 1, printer: { id: 3, name: 'MK4 #3' } } });
    await waitFor(() => telegram!.messages.length === 1, 'the message after flood control', 10_000);
    await waitFor(() => harness!.forwarding.listDeliveries({}).items[0]?.status === 'delivered', 'delivered status');
    const [second, first] = harness.forwarding.listAttempts({}).items;
    expect(first).toMatchObject({ ok: false, statusCode: 429, error: 'Telegram 429: Too Many Requests: retry after 1' });
    expect(Date.parse(second!.startedAt) - (Date.parse(first!.startedAt) + first!.durationMs)).toBeGreaterThanOrEqual(950);
    expect(telegram.messages[0]!.bold).toEqual(['Print finished — MK4 #3']);
  });

  it('logs Telegram errors without the bot token; send test shows the error at once', async () => {
    telegram = await startTelegramStandIn({ token: TOKEN, chats: [CHAT] });
    const logged: string[] = [];
    const logger = { info() {}, error() {}, warn: (obj: object, msg: string) => logged.push(JSON.stringify(obj) + msg) };
    harness = await openHarness({ logger });
    const d = harness.forwarding.createDestination({ ...telegramDestination(telegram.baseUrl, '-100999'), maxAttempts: 1 });
    const test = await harness.forwarding.sendTest(d.id);
    expect(test.attemptLog[0]).toMatchObject({ ok: false, statusCode: 400, error: 'Telegram 400: Bad Request: chat not found' });

    // A wrong token: Telegram says 401; neither the log, the API nor the database shows the token.
    const wrong = `${TOKEN}-revoked`;
    const bad = harness.forwarding.createDestination({
      ...telegramDestination(telegram.baseUrl),
      config: { type: 'telegram', chatId: CHAT, botToken: wrong, apiBaseUrl: telegram.baseUrl },
    });
    const result = await harness.forwarding.sendTest(bad.id);
    expect(result.attemptLog[0]).toMatchObject({ statusCode: 401, error: 'Telegram 401: Unauthorized' });
    await harness.ingest('job.started', {});
    await waitFor(() => harness!.forwarding.listDeliveries({ status: 'failed' }).items.length === 2, 'both failures');
    expect(telegram.paths.some((p) => p.includes(wrong))).toBe(true);
    const everything = [
      ...logged,
      JSON.stringify(harness.forwarding.listAttempts({})),
      JSON.stringify(harness.forwarding.listDestinations()),
      JSON.stringify(harness.forwarding.listDeliveries({})),
    ].join('\n');
    expect(everything).not.toContain(TOKEN);
    harness.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(`${harness.dataDir}/farmhook.sqlite`).includes(TOKEN)).toBe(false);
  });
});
