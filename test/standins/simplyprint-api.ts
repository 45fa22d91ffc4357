// A local stand-in for SimplyPrint's management API (api.simplyprint.io), which tests cannot reach.
// A real HTTP server on a free port that answers the calls FarmHook makes with SimplyPrint's
// documented shapes: `{status, message, ...}` bodies encoded the way PHP's json_encode does
// (`\/` for slashes, `\uXXXX` for non-ASCII), 401 for a bad key, 403 for another company or a plan
// without the feature, 429 when told to limit, and, like the real service, a POST of a `test`
// event envelope to the webhook's URL on TriggerTestWebhook, with the secret verbatim in
// `X-SP-Secret`.
//
// Documented by SimplyPrint: the call names and bodies, "No API key provided, or not logged in",
// "You don't have access to this account", "events.0: Invalid enum value specified!", `enabled`
// defaulting to false, the envelope. NOT documented, and chosen here: the wording of plan refusals
// and of other validation messages, 404 for an unknown webhook id, the User-Agent of deliveries,
// and that a test delivery is sent even when the webhook is disabled.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIMPLYPRINT_EVENTS } from '../../src/shared/events.js';

/** `free`: no API at all; `pro`: API but no webhooks; `print_farm`: both. */
export type StandinPlan = 'free' | 'pro' | 'print_farm';

export interface SimplyPrintStandinOptions {
  apiKey?: string;
  companyId?: number;
  plan?: StandinPlan;
  /** Added to the `Date` header of every answer (clock-skew checks). */
  clockOffsetMs?: number;
  /** `data` of the test envelope; SimplyPrint does not document it. Default `{}`. */
  testData?: unknown;
}

export interface StoredWebhook {
  id: number;
  name: string;
  description: string | null;
  url: string;
  events: string[];
  secret: string | null;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface StandinRequest {
  method: string;
  /** e.g. `webhooks/Create`. */
  call: string;
  companyId: string;
  /** The `X-API-KEY` header as received. */
  apiKeyHeader: string | undefined;
  query: Record<string, string>;
  body: unknown;
  /** The HTTP status the stand-in answered with (0 when it never answered). */
  status: number;
}

export interface StandinDelivery {
  webhookId: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** HTTP status the receiver answered with; null while in flight or when it failed. */
  status: number | null;
  /** Why no answer came (connection refused, timeout...); null otherwise. */
  error: string | null;
  done: boolean;
}

type Canned = { kind: 'raw'; status: number; body: string; contentType: string; headers: Record<string, string> } | { kind: 'stall' };

class Refusal {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

// ----- PHP-style JSON ---------------------------------------------------------------------------

/** What PHP's json_encode produces by default: `/` as `\/` and non-ASCII as `\uXXXX`. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ----- the server -------------------------------------------------------------------------------

const SUBSCRIBABLE = new Set(SIMPLYPRINT_EVENTS.filter((e) => e !== 'test'));
const CALLS: Record<string, 'GET' | 'POST'> = {
  'account/Test': 'GET',
  'webhooks/Get': 'GET',
  'webhooks/Create': 'POST',
  'webhooks/Delete': 'POST',
  'webhooks/SetEnabled': 'POST',
  'webhooks/TriggerTestWebhook': 'POST',
  'webhooks/GetSamplePayload': 'GET',
};

export class SimplyPrintStandin {
  apiKey: string;
  companyId: number;
  plan: StandinPlan;
  clockOffsetMs: number;
  testData: unknown;
  readonly webhooks = new Map<number, StoredWebhook>();
  readonly requests: StandinRequest[] = [];
  readonly deliveries: StandinDelivery[] = [];
  private nextId = 11;
  private canned: Canned[] = [];
  private limited: { count: number; retryAfter: string | null } = { count: 0, retryAfter: null };
  private stalled = new Set<ServerResponse>();
  private inFlight = new Set<Promise<void>>();

  private constructor(
    private readonly server: Server,
    options: SimplyPrintStandinOptions,
  ) {
    this.apiKey = options.apiKey ?? 'sp-standin-key-0123456789';
    this.companyId = options.companyId ?? 4242;
    this.plan = options.plan ?? 'print_farm';
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    this.testData = options.testData ?? {};
  }

  static async start(options: SimplyPrintStandinOptions = {}): Promise<SimplyPrintStandin> {
    const server = createServer();
    const standin = new SimplyPrintStandin(server, options);
    server.on('request', (req, res) => void standin.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standin;
  }

  /** What to pass as the client's base URL. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` requests get 429, with `Retry-After: retryAfter` when given. */
  limitNext(count: number, retryAfter?: string): void {
    this.limited = { count, retryAfter: retryAfter ?? null };
  }

  /** The next request gets exactly this answer (a 500, an HTML page from a proxy...). */
  answerNextWith(status: number, body: string, contentType = 'application/json', headers: Record<string, string> = {}): void {
    this.canned.push({ kind: 'raw', status, body, contentType, headers });
  }

  /** The next request is read but never answered (until close). */
  stallNext(): void {
    this.canned.push({ kind: 'stall' });
  }

  /** Waits until `count` test deliveries have finished (answered or failed). */
  async waitForDeliveries(count: number, timeoutMs = 5_000): Promise<StandinDelivery[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = this.deliveries.filter((d) => d.done);
      if (done.length >= count) return done;
      if (Date.now() > deadline) throw new Error(`stand-in: ${done.length} of ${count} deliveries finished in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    for (const res of this.stalled) res.destroy();
    await Promise.allSettled([...this.inFlight]);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ----- request handling ---------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    // Both https://api.simplyprint.io/{id}/... and https://simplyprint.io/api/{id}/... exist.
    const match = /^(?:\/api)?\/([^/]+)\/(.+)$/.exec(url.pathname);
    const record: StandinRequest = {
      method: req.method ?? '',
      call: match?.[2] ?? url.pathname,
      companyId: match?.[1] ?? '',
      apiKeyHeader: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
    };
    this.requests.push(record);
    const raw = await readBody(req);

    const canned = this.canned.shift();
    if (canned?.kind === 'stall') {
      this.stalled.add(res);
      return;
    }
    if (canned) {
      record.status = canned.status;
      res.writeHead(canned.status, { 'Content-Type': canned.contentType, Date: this.date(), ...canned.headers });
      res.end(canned.body);
      return;
    }

    try {
      if (raw.length > 0) {
        try {
          record.body = JSON.parse(raw);
        } catch {
          throw new Refusal(400, 'Invalid JSON body');
        }
      }
      const answer = this.route(record);
      this.send(res, record, 200, { status: true, message: null, ...answer });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      this.send(res, record, err.status, { status: false, message: err.message }, err.headers);
    }
  }

  private send(res: ServerResponse, record: StandinRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
    record.status = status;
    res.writeHead(status, { 'Content-Type': 'application/json', Date: this.date(), ...headers });
    res.end(phpJson(body));
  }

  private date(): string {
    return new Date(Date.now() + this.clockOffsetMs).toUTCString();
  }

  /** Checks in the order a request meets them: rate limit, key, company, plan, endpoint. */
  private route(r: StandinRequest): Record<string, unknown> {
    if (this.limited.count > 0) {
      this.limited.count -= 1;
      throw new Refusal(429, 'Too many requests, slow down', this.limited.retryAfter ? { 'Retry-After': this.limited.retryAfter } : {});
    }
    if (r.apiKeyHeader !== this.apiKey) throw new Refusal(401, 'No API key provided, or not logged in');
    if (r.companyId !== String(this.companyId)) throw new Refusal(403, "You don't have access to this account");
    if (this.plan === 'free') throw new Refusal(403, 'Your plan does not include API access. Upgrade to Pro to use the API');
    const method = CALLS[r.call];
    if (!method) throw new Refusal(404, 'Endpoint not found');
    if (method !== r.method) throw new Refusal(405, 'Method not allowed');
    if (r.call.startsWith('webhooks/') && this.plan !== 'print_farm') {
      throw new Refusal(403, 'Webhooks are only available on the Print Farm plan');
    }
    const body = (r.body ?? {}) as Record<string, unknown>;
    switch (r.call) {
      case 'account/Test':
        return { message: 'Your API key is valid!' };
      case 'webhooks/Get':
        return { data: [...this.webhooks.values()].map((w) => this.view(w)) };
      case 'webhooks/Create':
        return { webhook: this.createOrUpdate(body) };
      case 'webhooks/Delete':
        this.webhooks.delete(this.existing(body).id);
        return {};
      case 'webhooks/SetEnabled': {
        const w = this.existing(body);
        if (typeof body.enabled !== 'boolean') throw new Refusal(400, 'enabled: Must be a boolean!');
        w.enabled = body.enabled;
        w.updated_at = new Date().toISOString();
        return {};
      }
      case 'webhooks/TriggerTestWebhook':
        this.deliverTest(this.existing(body));
        return {};
      case 'webhooks/GetSamplePayload':
        return this.samples(r.query);
    }
    throw new Refusal(404, 'Endpoint not found');
  }

  private view(w: StoredWebhook): Record<string, unknown> {
    return {
      id: w.id,
      created_by: { id: 12640, first_name: 'Stand', last_name: 'In', avatar: null },
      name: w.name,
      description: w.description,
      url: w.url,
      events: w.events,
      secret: w.secret,
      enabled: w.enabled,
      oauth_client_id: null,
      created_at: w.created_at,
      updated_at: w.updated_at,
    };
  }

  private existing(body: Record<string, unknown>): StoredWebhook {
    if (body.id === undefined || body.id === null) throw new Refusal(400, 'id: This field is required!');
    const w = this.webhooks.get(Number(body.id));
    if (!w) throw new Refusal(404, 'Webhook not found');
    return w;
  }

  private createOrUpdate(body: Record<string, unknown>): Record<string, unknown> {
    const existing = body.id !== undefined && body.id !== null ? this.existing(body) : null;
    if (typeof body.name !== 'string' || body.name.trim() === '') throw new Refusal(400, 'name: This field is required!');
    if (typeof body.url !== 'string' || !/^https?:\/\/[^\s/]+/i.test(body.url)) throw new Refusal(400, 'url: Must be a valid URL!');
    if (!Array.isArray(body.events) || body.events.length === 0) throw new Refusal(400, 'events: Must contain at least one item!');
    body.events.forEach((e, i) => {
      if (typeof e !== 'string' || !SUBSCRIBABLE.has(e)) throw new Refusal(400, `events.${i}: Invalid enum value specified!`);
    });
    if (body.secret !== undefined && body.secret !== null && (typeof body.secret !== 'string' || body.secret.length > 128)) {
      throw new Refusal(400, 'secret: Must be at most 128 characters!');
    }
    const now = new Date().toISOString();
    const w: StoredWebhook = {
      id: existing?.id ?? this.nextId++,
      name: body.name,
      description: typeof body.description === 'string' ? body.description : null,
      url: body.url,
      events: body.events as string[],
      secret: typeof body.secret === 'string' && body.secret !== '' ? body.secret : null,
      // SimplyPrint's documented default: a webhook created without `enabled` sends nothing.
      enabled: body.enabled === true,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    this.webhooks.set(w.id, w);
    // The Create answer's shape differs from Get's (documented): created_by is a name, plus company.
    return { ...this.view(w), created_by: 'Stand In', company: 'Stand-in Farm' };
  }

  private samples(query: Record<string, string>): Record<string, unknown> {
    const event = query.event;
    if (!event) throw new Refusal(400, 'event: This field is required!');
    if (!SIMPLYPRINT_EVENTS.includes(event)) throw new Refusal(400, 'event: Invalid enum value specified!');
    const limit = Math.min(10, Math.max(1, Number(query.limit ?? 1) || 1));
    const printer = { id: 5, name: 'Prusa MK4 №1' };
    const data = event.startsWith('job.')
      ? { job: { id: 1001, uid: randomUUID(), printer_id: printer.id, file: 'benchy.gcode', printer } }
      : event.startsWith('printer.')
        ? { printer }
        : {};
    const timestamp = Math.floor(Date.now() / 1000);
    // Documented answer of this undocumented call: `samples` only, without status/message.
    return { samples: Array.from({ length: limit }, () => ({ webhook_id: 0, event, timestamp, data, source: 'synthetic' })) };
  }

  /** Like SimplyPrint: answers the API call first, then POSTs the envelope to the webhook's URL. */
  private deliverTest(w: StoredWebhook): void {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'SimplyPrint-Standin/1.0' };
    if (w.secret) headers['X-SP-Secret'] = w.secret;
    const body = phpJson({ webhook_id: w.id, event: 'test', timestamp: Math.floor(Date.now() / 1000), data: this.testData });
    const delivery: StandinDelivery = { webhookId: w.id, url: w.url, headers, body, status: null, error: null, done: false };
    this.deliveries.push(delivery);
    const job = (async () => {
      await new Promise((r) => setImmediate(r));
      try {
        const res = await fetch(w.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
        await res.arrayBuffer();
        delivery.status = res.status;
      } catch (err) {
        const e = err as { name?: string; cause?: { code?: string } };
        delivery.error = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? String(err));
      } finally {
        delivery.done = true;
      }
    })();
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
