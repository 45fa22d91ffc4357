// A stand-in for Telegram's Bot API (https://core.telegram.org/bots/api), serving sendMessage the
// way the real one answers: every answer is {"ok":true,"result":...} or {"ok":false,"error_code",
// "description"[,"parameters"]}; a wrong token is 401 "Unauthorized" and an unknown method 404
// "Not Found"; an unknown chat is 400 "Bad Request: chat not found"; empty or over-long text
// (4096 characters after entity parsing) and broken HTML under parse_mode HTML are 400s;
// flood control is 429 "Too Many Requests: retry after N" with parameters.retry_after.
// Only what FarmHook uses is served. Requests are recorded for the test to inspect.
import { createServer, type Server } from 'node:http';

export interface SentMessage {
  chatId: string;
  text: string;
  parseMode: string | null;
  /** The text as a user sees it: tags removed, entities decoded. */
  visibleText: string;
  bold: string[];
}

export interface TelegramStandIn {
  baseUrl: string;
  messages: SentMessage[];
  /** Every request path, with the token in it (the test checks it never leaks elsewhere). */
  paths: string[];
  /** The next `count` sendMessage calls answer 429 with this retry_after. */
  floodControl(count: number, retryAfterS: number): void;
  close(): Promise<void>;
}

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote']);

/** Telegram's HTML mode: only listed tags, balanced; &lt; &gt; &amp; &quot; entities. Returns the visible text or an error. */
function parseHtml(text: string): { visible: string; bold: string[] } | { error: string } {
  const stack: string[] = [];
  const bold: string[] = [];
  let visible = '';
  let boldStart = -1;
  const tag = /<(\/?)([a-zA-Z-]+)[^>]*>|&(lt|gt|amp|quot|#\d+);|[<>&]/g;
  let last = 0;
  for (const m of text.matchAll(tag)) {
    visible += text.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    if (m[2]) {
      const name = m[2].toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return { error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${m.index}` };
      if (m[1]) {
        if (stack.pop() !== name) return { error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${m.index}, expected "</${stack.at(-1) ?? ''}>", found "</${name}>"` };
        if (name === 'b' || name === 'strong') bold.push(visible.slice(boldStart));
      } else {
        stack.push(name);
        if (name === 'b' || name === 'strong') boldStart = visible.length;
      }
    } else if (m[3]) {
      visible += m[3] === 'lt' ? '<' : m[3] === 'gt' ? '>' : m[3] === 'amp' ? '&' : m[3] === 'quot' ? '"' : String.fromCharCode(Number(m[3].slice(1)));
    } else {
      return { error: `Bad Request: can't parse entities: Unexpected character "${m[0]}" at byte offset ${m.index}` };
    }
  }
  visible += text.slice(last);
  if (stack.length > 0) return { error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { visible, bold };
}

export async function startTelegramStandIn(options: { token: string; chats: string[] }): Promise<TelegramStandIn> {
  const messages: SentMessage[] = [];
  const paths: string[] = [];
  let flood = { count: 0, retryAfter: 0 };
  let messageId = 100;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(req.url ?? '');
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const fail = (code: number, description: string, parameters?: unknown) =>
        answer(code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });

      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
      if (!match) return fail(404, 'Not Found');
      if (match[1] !== options.token) return fail(401, 'Unauthorized');
      if (match[2]?.toLowerCase() !== 'sendmessage') return fail(404, 'Not Found');

      let params: Record<string, unknown>;
      try {
        params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return fail(400, 'Bad Request: invalid JSON');
      }
      if (flood.count > 0) {
        flood.count -= 1;
        return fail(429, `Too Many Requests: retry after ${flood.retryAfter}`, { retry_after: flood.retryAfter });
      }
      const chatId = params.chat_id === undefined ? '' : String(params.chat_id);
      if (!chatId) return fail(400, 'Bad Request: chat_id is empty');
      if (!options.chats.includes(chatId)) return fail(400, 'Bad Request: chat not found');
      const text = typeof params.text === 'string' ? params.text : '';
      const parseMode = typeof params.parse_mode === 'string' ? params.parse_mode : null;
      let visible = text;
      let bold: string[] = [];
      if (parseMode?.toUpperCase() === 'HTML') {
        const parsed = parseHtml(text);
        if ('error' in parsed) return fail(400, parsed.error);
        visible = parsed.visible;
        bold = parsed.bold;
      }
      if (visible.trim() === '') return fail(400, 'Bad Request: message text is empty');
      if (visible.length > 4096) return fail(400, 'Bad Request: message is too long');
      messages.push({ chatId, text, parseMode, visibleText: visible, bold });
      messageId += 1;
      answer(200, {
        ok: true,
        result: {
          message_id: messageId,
          from: { id: 7000000001, is_bot: true, first_name: 'Farm bot', username: 'farm_test_bot' },
          chat: { id: Number(chatId) || chatId, type: chatId.startsWith('-') ? 'supergroup' : 'private' },
          date: Math.floor(Date.now() / 1000),
          text: visible,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    paths,
    floodControl(count, retryAfterS) {
      flood = { count, retryAfter: retryAfterS };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
