// Telegram through the Bot API's sendMessage (https://core.telegram.org/bots/api#sendmessage).
// HTML parse mode with every rendered character escaped: the title is bold, nothing from a payload
// can become markup. The Bot API answers {"ok":true,...} or {"ok":false,"error_code","description",
// "parameters":{"retry_after"}}; a 429's retry_after (seconds) is honoured.
import { postJson } from '../http-client.js';
import { renderMessage } from '../message.js';
import { httpOutcome } from './http-outcome.js';
import { failure, type SendRequest, type SendOutcome, type Transport } from './transport.js';

export const TELEGRAM_API = 'https://api.telegram.org';
const MAX_TEXT = 4096;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface BotAnswer {
  ok?: boolean;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export function telegramText(title: string, body: string): string {
  const text = body ? `<b>${escapeHtml(title)}</b>\n${escapeHtml(body)}` : `<b>${escapeHtml(title)}</b>`;
  if (text.length <= MAX_TEXT) return text;
  // Cut on a character boundary that does not split an entity like &amp;.
  return text.slice(0, MAX_TEXT - 1).replace(/&[a-z]*$/, '') + '…';
}

export function telegramTransport(): Transport {
  return {
    async send({ event, destination, secrets }: SendRequest): Promise<SendOutcome> {
      const config = destination.settings.config;
      if (config.type !== 'telegram') return failure('not a Telegram destination');
      if (!secrets.botToken) return failure('no bot token stored');
      const message = renderMessage(event, destination.settings.language, destination.settings.templates);
      const base = (config.apiBaseUrl ?? TELEGRAM_API).replace(/\/+$/, '');
      const response = await postJson(`${base}/bot${secrets.botToken}/sendMessage`, {
        headers: {},
        body: JSON.stringify({
          chat_id: config.chatId,
          text: telegramText(message.title, message.body),
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        }),
        timeoutMs: destination.settings.timeoutMs,
      });
      let answer: BotAnswer = {};
      try {
        answer = JSON.parse(response.body) as BotAnswer;
      } catch {
        answer = {};
      }
      const retryAfter = answer.parameters?.retry_after;
      const outcome = httpOutcome(response, typeof retryAfter === 'number' ? retryAfter * 1000 : null);
      if (outcome.ok && answer.ok !== true) return { ...outcome, ok: false, error: 'Telegram did not confirm the message' };
      if (!outcome.ok && answer.description) {
        const migrated = answer.parameters?.migrate_to_chat_id;
        outcome.error = `Telegram ${response.statusCode}: ${answer.description}${migrated ? ` (the group is now chat ${migrated})` : ''}`;
      }
      return outcome;
    },
  };
}
