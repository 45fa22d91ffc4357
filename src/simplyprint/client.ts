// SimplyPrint's management API, the calls FarmHook needs: check a key, and list, create, update,
// enable, delete and test webhooks. Every method either returns the typed result or throws a
// SimplyPrintError (see errors.ts); none of them logs, and no message ever contains the key.
import { errorFor } from './classify.js';
import { callContext, exchange, type Answer, type Connection, type Request } from './http.js';
import { SimplyPrintError } from './errors.js';
import { parseSample, parseWebhook, parseWebhookList } from './parse.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type AccountTestResult,
  type SamplePayload,
  type ServerTime,
  type SimplyPrintCall,
  type SimplyPrintClientOptions,
  type Webhook,
  type WebhookInput,
} from './types.js';

export interface CallOptions {
  /** Cancels the call (e.g. the wizard's page was left); the abort error is rethrown as is. */
  signal?: AbortSignal;
}

export class SimplyPrintClient {
  readonly companyId: number;
  readonly baseUrl: string;
  private readonly conn: Connection;
  private lastTime: ServerTime | null = null;

  constructor(options: SimplyPrintClientOptions) {
    this.companyId = options.companyId;
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.conn = {
      apiKey: options.apiKey,
      companyId: options.companyId,
      baseUrl: this.baseUrl,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  /** SimplyPrint's clock at the latest answer (success or refusal alike), for clock-skew checks. */
  get lastServerTime(): ServerTime | null {
    return this.lastTime;
  }

  /** `GET account/Test`: is the key valid and does it reach this company? */
  async testKey(options: CallOptions = {}): Promise<AccountTestResult> {
    const { json, serverTime } = await this.send('account/Test', { method: 'GET' }, options);
    return { message: typeof json.message === 'string' ? json.message : null, serverTime };
  }

  /** `GET webhooks/Get`: every webhook of the company (secrets included: never log them). */
  async listWebhooks(options: CallOptions = {}): Promise<Webhook[]> {
    const { json } = await this.send('webhooks/Get', { method: 'GET' }, options);
    const list = parseWebhookList(json.data ?? []);
    if (!list) throw errorFor('unexpected_answer', callContext(this.conn, 'webhooks/Get'), { httpStatus: 200 });
    return list;
  }

  /**
   * `POST webhooks/Create`: creates a webhook, or updates the one with `input.id`. Always sends
   * `enabled: true`, because SimplyPrint's default is false and a disabled webhook sends nothing.
   * An update sends the whole configuration: pass the secret again to keep it.
   */
  async saveWebhook(input: WebhookInput, options: CallOptions = {}): Promise<Webhook> {
    const body: Record<string, unknown> = {
      name: input.name,
      url: input.url,
      events: [...input.events],
      enabled: true,
    };
    if (input.id !== undefined) body.id = input.id;
    if (input.secret) body.secret = input.secret;
    if (input.description !== undefined) body.description = input.description;
    const { json } = await this.send('webhooks/Create', { method: 'POST', body }, options);
    const webhook = parseWebhook(json.webhook);
    if (!webhook) throw errorFor('unexpected_answer', callContext(this.conn, 'webhooks/Create', body), { httpStatus: 200 });
    return webhook;
  }

  /** `POST webhooks/Delete`. */
  async deleteWebhook(id: number, options: CallOptions = {}): Promise<void> {
    await this.send('webhooks/Delete', { method: 'POST', body: { id } }, options);
  }

  /** `POST webhooks/SetEnabled`. */
  async setWebhookEnabled(id: number, enabled: boolean, options: CallOptions = {}): Promise<void> {
    await this.send('webhooks/SetEnabled', { method: 'POST', body: { id, enabled } }, options);
  }

  /**
   * `POST webhooks/TriggerTestWebhook`: SimplyPrint then POSTs an event `test` to the webhook's URL.
   * Resolving means SimplyPrint accepted the request, not that the delivery arrived: wait for the
   * `test` event at the receiver for that.
   */
  async triggerTestWebhook(id: number, options: CallOptions = {}): Promise<void> {
    await this.send('webhooks/TriggerTestWebhook', { method: 'POST', body: { id } }, options);
  }

  /** `GET webhooks/GetSamplePayload` (undocumented; SimplyPrint's own integrations use it). */
  async samplePayloads(event: string, limit = 1, options: CallOptions = {}): Promise<SamplePayload[]> {
    const query = { event, limit: String(limit) };
    const { json } = await this.send('webhooks/GetSamplePayload', { method: 'GET', query }, options);
    const samples = json.samples;
    if (!Array.isArray(samples)) throw errorFor('unexpected_answer', callContext(this.conn, 'webhooks/GetSamplePayload'), { httpStatus: 200 });
    return samples.map(parseSample).filter((s): s is SamplePayload => s !== null);
  }

  private async send(call: SimplyPrintCall, req: Request, options: CallOptions): Promise<Answer> {
    if (options.signal) req.signal = options.signal;
    try {
      const answer = await exchange(this.conn, call, req);
      if (answer.serverTime) this.lastTime = answer.serverTime;
      return answer;
    } catch (err) {
      if (err instanceof SimplyPrintError && err.serverTime) this.lastTime = err.serverTime;
      throw err;
    }
  }
}
