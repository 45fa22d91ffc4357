// The destinations table and the secrets that go with each row. Writing checks what the schema
// cannot (URLs, a signing secret when signing is on, no metadata hosts); reading hands the worker
// whole records and the dashboard DTOs with every secret reduced to "is set".
import type { Db } from '../store/database.js';
import type { Destination, DestinationConfigView, DestinationInput, DestinationType } from '../shared/forward.js';
import {
  DEFAULTS,
  secretNameFor,
  type DestinationRecord,
  type DestinationSecrets,
  type DestinationSettings,
  type SecretVault,
  type StoredConfig,
} from './destination-record.js';
import { ForwardError } from './errors.js';
import { assertAllowedHost } from './safety.js';

interface Row {
  id: number;
  name: string;
  type: string;
  enabled: number;
  settings: string;
  paused_at: number | null;
  state_reason: string | null;
  consecutive_failures: number;
  last_success_at: number | null;
  last_failure_at: number | null;
  created_at: number;
  updated_at: number;
}

export function parseSettings(json: string): DestinationSettings {
  return JSON.parse(json) as DestinationSettings;
}

function fromRow(row: Row): DestinationRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type as DestinationType,
    enabled: row.enabled === 1,
    settings: parseSettings(row.settings),
    pausedAt: row.paused_at,
    stateReason: row.state_reason,
    consecutiveFailures: row.consecutive_failures,
    lastSuccessAt: row.last_success_at,
    lastFailureAt: row.last_failure_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkUrl(text: string, protocols: readonly string[], what: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ForwardError('invalid_destination', `${what} is not a valid URL.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ForwardError('invalid_destination', `${what} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
  }
  try {
    assertAllowedHost(url.hostname);
  } catch (error) {
    throw new ForwardError('invalid_destination', `${what}: ${(error as Error).message}.`);
  }
}

/** Splits the input into stored settings and secrets, keeping stored secrets the input omits. */
function normalise(
  input: DestinationInput,
  previous: { type: DestinationType; secrets: DestinationSecrets; config: StoredConfig } | null,
): { settings: DestinationSettings; secrets: DestinationSecrets } {
  const c = input.config;
  const kept: DestinationSecrets = previous && previous.type === c.type ? previous.secrets : {};
  // A CA certificate is long and pasted once: like a secret, leaving it out of an edit keeps it.
  const keptCa = previous?.config.type === 'mqtt' ? previous.config.ca : null;
  let config: StoredConfig;
  let secrets: DestinationSecrets;
  switch (c.type) {
    case 'http': {
      checkUrl(c.url, ['http:', 'https:'], 'The URL');
      const signing = c.signing ?? 'none';
      secrets = { secret: c.secret ?? kept.secret, headers: c.headers ?? kept.headers };
      if (signing !== 'none' && !secrets.secret) {
        throw new ForwardError('invalid_destination', 'Signing needs a secret.');
      }
      for (const name of Object.keys(secrets.headers ?? {})) {
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ForwardError('invalid_destination', `"${name}" is not a valid header name.`);
      }
      config = { type: 'http', url: c.url, signing };
      break;
    }
    case 'telegram': {
      secrets = { botToken: c.botToken ?? kept.botToken };
      if (!secrets.botToken) throw new ForwardError('invalid_destination', 'Telegram needs a bot token.');
      if (c.apiBaseUrl) checkUrl(c.apiBaseUrl, ['http:', 'https:'], 'The Bot API URL');
      config = { type: 'telegram', chatId: c.chatId, apiBaseUrl: c.apiBaseUrl ?? null };
      break;
    }
    case 'discord':
    case 'slack':
    case 'teams': {
      secrets = { webhookUrl: c.webhookUrl ?? kept.webhookUrl };
      if (!secrets.webhookUrl) throw new ForwardError('invalid_destination', 'The incoming-webhook URL is missing.');
      checkUrl(secrets.webhookUrl, ['https:', 'http:'], 'The webhook URL');
      config = { type: c.type };
      break;
    }
    case 'mqtt': {
      checkUrl(c.url, ['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:'], 'The broker URL');
      secrets = { password: c.password ?? kept.password };
      config = {
        type: 'mqtt',
        url: c.url,
        username: c.username ?? null,
        topicPrefix: (c.topicPrefix ?? DEFAULTS.topicPrefix).replace(/\/+$/, ''),
        retainState: c.retainState ?? true,
        rejectUnauthorized: c.rejectUnauthorized ?? true,
        ca: c.ca === undefined ? keptCa : c.ca,
      };
      if (/[+#]/.test(config.topicPrefix)) throw new ForwardError('invalid_destination', 'The topic prefix cannot contain + or #.');
      break;
    }
  }
  const settings: DestinationSettings = {
    events: input.events ?? ['*'],
    printers: input.printers ?? [],
    timeoutMs: input.timeoutMs ?? DEFAULTS.timeoutMs,
    maxAttempts: input.maxAttempts ?? DEFAULTS.maxAttempts,
    ordered: input.ordered ?? false,
    pauseAfterFailures: input.pauseAfterFailures ?? DEFAULTS.pauseAfterFailures,
    language: input.language ?? 'en',
    templates: input.templates ?? {},
    config,
  };
  const clean = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== undefined)) as DestinationSecrets;
  return { settings, secrets: clean };
}

export class DestinationStore {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;

  constructor(
    private readonly db: Db,
    private readonly vault: SecretVault,
    private readonly now: () => number = Date.now,
  ) {
    this.selectAll = db.prepare('SELECT * FROM forward_destinations ORDER BY id');
    this.selectOne = db.prepare('SELECT * FROM forward_destinations WHERE id = ?');
    this.insertRow = db.prepare(
      `INSERT INTO forward_destinations (name, type, enabled, settings, created_at, updated_at)
       VALUES (@name, @type, @enabled, @settings, @now, @now)`,
    );
    this.updateRow = db.prepare(
      `UPDATE forward_destinations SET name = @name, type = @type, enabled = @enabled, settings = @settings,
         updated_at = @now,
         -- switching a destination back on clears an automatic pause or disable
         paused_at = CASE WHEN @enabled = 1 AND enabled = 0 THEN NULL ELSE paused_at END,
         state_reason = CASE WHEN @enabled = 1 AND enabled = 0 THEN NULL ELSE state_reason END
       WHERE id = @id`,
    );
    this.deleteRow = db.prepare('DELETE FROM forward_destinations WHERE id = ?');
  }

  list(): DestinationRecord[] {
    return (this.selectAll.all() as Row[]).map(fromRow);
  }

  get(id: number): DestinationRecord | null {
    const row = this.selectOne.get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  require(id: number): DestinationRecord {
    const record = this.get(id);
    if (!record) throw new ForwardError('not_found', `There is no destination ${id}.`);
    return record;
  }

  secretsOf(id: number): DestinationSecrets {
    const json = this.vault.get(secretNameFor(id));
    return json ? (JSON.parse(json) as DestinationSecrets) : {};
  }

  create(input: DestinationInput): DestinationRecord {
    const { settings, secrets } = normalise(input, null);
    const id = Number(
      this.insertRow.run({
        name: input.name,
        type: settings.config.type,
        enabled: input.enabled === false ? 0 : 1,
        settings: JSON.stringify(settings),
        now: this.now(),
      }).lastInsertRowid,
    );
    try {
      this.vault.set(secretNameFor(id), JSON.stringify(secrets));
    } catch (error) {
      this.deleteRow.run(id);
      throw error;
    }
    return this.require(id);
  }

  update(id: number, input: DestinationInput): DestinationRecord {
    const current = this.require(id);
    const { settings, secrets } = normalise(input, { type: current.type, secrets: this.secretsOf(id), config: current.settings.config });
    this.vault.set(secretNameFor(id), JSON.stringify(secrets));
    this.updateRow.run({
      id,
      name: input.name,
      type: settings.config.type,
      enabled: input.enabled === false ? 0 : 1,
      settings: JSON.stringify(settings),
      now: this.now(),
    });
    return this.require(id);
  }

  delete(id: number): boolean {
    const deleted = this.deleteRow.run(id).changes > 0;
    if (deleted) this.vault.delete(secretNameFor(id));
    return deleted;
  }

  /** Sends again after an automatic pause or a 410 disable. */
  resume(id: number): DestinationRecord {
    this.require(id);
    this.db
      .prepare(
        `UPDATE forward_destinations SET enabled = 1, paused_at = NULL, state_reason = NULL,
           consecutive_failures = 0, updated_at = ? WHERE id = ?`,
      )
      .run(this.now(), id);
    return this.require(id);
  }
}

function configView(record: DestinationRecord, secrets: DestinationSecrets): DestinationConfigView {
  const c = record.settings.config;
  switch (c.type) {
    case 'http':
      return { type: 'http', url: c.url, signing: c.signing, secretSet: !!secrets.secret, headerNames: Object.keys(secrets.headers ?? {}) };
    case 'telegram':
      return { type: 'telegram', chatId: c.chatId, apiBaseUrl: c.apiBaseUrl, botTokenSet: !!secrets.botToken };
    case 'mqtt':
      return {
        type: 'mqtt',
        url: c.url,
        username: c.username,
        passwordSet: !!secrets.password,
        topicPrefix: c.topicPrefix,
        retainState: c.retainState,
        rejectUnauthorized: c.rejectUnauthorized,
        caSet: !!c.ca,
      };
    default: {
      let host: string | null = null;
      try {
        host = secrets.webhookUrl ? new URL(secrets.webhookUrl).hostname : null;
      } catch {
        host = null;
      }
      return { type: c.type, webhookUrlSet: !!secrets.webhookUrl, webhookHost: host };
    }
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function destinationDto(record: DestinationRecord, secrets: DestinationSecrets): Destination {
  const s = record.settings;
  return {
    id: String(record.id),
    name: record.name,
    type: record.type,
    enabled: record.enabled,
    events: s.events,
    printers: s.printers,
    timeoutMs: s.timeoutMs,
    maxAttempts: s.maxAttempts,
    ordered: s.ordered,
    pauseAfterFailures: s.pauseAfterFailures,
    language: s.language,
    templates: s.templates,
    config: configView(record, secrets),
    paused: record.pausedAt !== null,
    pausedAt: iso(record.pausedAt),
    stateReason: record.stateReason,
    consecutiveFailures: record.consecutiveFailures,
    lastSuccessAt: iso(record.lastSuccessAt),
    lastFailureAt: iso(record.lastFailureAt),
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/** The delivery outcome's effect on a destination's health columns (used by the worker). */
export function prepareDestinationHealth(db: Db) {
  const success = db.prepare(
    'UPDATE forward_destinations SET consecutive_failures = 0, last_success_at = ? WHERE id = ?',
  );
  const failure = db.prepare(
    `UPDATE forward_destinations SET consecutive_failures = consecutive_failures + 1, last_failure_at = ?
     WHERE id = ? RETURNING consecutive_failures, paused_at, enabled`,
  );
  const pause = db.prepare(
    'UPDATE forward_destinations SET paused_at = ?, state_reason = ? WHERE id = ? AND paused_at IS NULL',
  );
  const disable = db.prepare('UPDATE forward_destinations SET enabled = 0, state_reason = ? WHERE id = ? AND enabled = 1');
  return {
    success: (id: number, at: number) => void success.run(at, id),
    failure: (id: number, at: number) =>
      failure.get(at, id) as { consecutive_failures: number; paused_at: number | null; enabled: number } | undefined,
    /** True when this call paused it (false if it already was). */
    pause: (id: number, reason: string, at: number) => pause.run(at, reason, id).changes > 0,
    disable: (id: number, reason: string) => disable.run(reason, id).changes > 0,
  };
}
