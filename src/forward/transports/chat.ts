// Discord, Slack and Microsoft Teams incoming webhooks: the rendered template as each service's
// message format, with payload text escaped so it cannot format, mention or link by itself.
import type { ChatMessage } from '../message.js';
import { renderMessage } from '../message.js';
import { postJson } from '../http-client.js';
import { httpOutcome } from './http-outcome.js';
import { failure, type SendRequest, type SendOutcome, type Transport } from './transport.js';
import type { EventCategory } from '../../shared/catalogue.js';

const COLOURS: Record<EventCategory, number> = {
  job: 0x2e7d32,
  printer: 0x1565c0,
  company: 0x6a1b9a,
  queue: 0x00838f,
  filament: 0xef6c00,
  balance: 0x558b2f,
  quota: 0x4e342e,
  maintenance: 0xc62828,
  test: 0x757575,
  other: 0x757575,
};

const escapeDiscord = (text: string) => text.replace(/([\\*_~`|>#\-[\]()])/g, '\\$1');
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function discordPayload(message: ChatMessage, category: EventCategory): unknown {
  return {
    embeds: [
      {
        title: message.title.slice(0, 256),
        description: escapeDiscord(message.body).slice(0, 4096) || undefined,
        color: COLOURS[category],
      },
    ],
    // Never ping @everyone or a role because a file or user name says so.
    allowed_mentions: { parse: [] },
  };
}

export function slackPayload(message: ChatMessage): unknown {
  const text = message.body ? `*${escapeSlack(message.title)}*\n${escapeSlack(message.body)}` : `*${escapeSlack(message.title)}*`;
  return {
    text: `${message.title}${message.body ? ` — ${message.body.split('\n')[0]}` : ''}`.slice(0, 3000),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }],
  };
}

/** An Adaptive Card message: accepted by Teams Workflows webhooks and the older connectors. */
export function teamsPayload(message: ChatMessage): unknown {
  const body: unknown[] = [{ type: 'TextBlock', text: message.title, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (message.body) body.push({ type: 'TextBlock', text: message.body, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

export function chatTransport(): Transport {
  return {
    async send({ event, destination, secrets }: SendRequest): Promise<SendOutcome> {
      const type = destination.settings.config.type;
      if (!secrets.webhookUrl) return failure('no webhook URL stored');
      const message = renderMessage(event, destination.settings.language, destination.settings.templates);
      let payload: unknown;
      if (type === 'discord') payload = discordPayload(message, event.category);
      else if (type === 'slack') payload = slackPayload(message);
      else if (type === 'teams') payload = teamsPayload(message);
      else return failure(`not a chat destination`);
      const response = await postJson(secrets.webhookUrl, {
        headers: {},
        body: JSON.stringify(payload),
        timeoutMs: destination.settings.timeoutMs,
      });
      return httpOutcome(response);
    },
  };
}
