// DTO schemas of forwarding: destinations (where events are sent on to), deliveries (one outbox job
// per event and destination, with every attempt logged) and per-destination statistics. Secrets are
// write-only: the input shapes accept them, the output shapes only say whether one is stored.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DESTINATION_TYPES = ['http', 'telegram', 'discord', 'slack', 'teams', 'mqtt'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

export const SIGNING_MODES = ['none', 'hmac-sha256', 'standard-webhooks'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export const FORWARD_LANGUAGES = ['en', 'ru'] as const;
export type ForwardLanguage = (typeof FORWARD_LANGUAGES)[number];

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_KINDS = ['event', 'replay', 'test'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];


// ---- destination configuration, as written (secrets optional: omitted on update = keep stored) ----

export const HttpConfigInputSchema = Type.Object({
  type: Type.Literal('http'),
  url: Type.String({ minLength: 1, description: 'http:// or https:// URL the JSON envelope is POSTed to' }),
  signing: Type.Optional(Type.Union(SIGNING_MODES.map((v) => Type.Literal(v)))),
  secret: Type.Optional(
    Type.String({ minLength: 8, description: 'Signing secret. For Standard Webhooks a whsec_<base64> value is decoded' }),
  ),
  headers: Type.Optional(
    Type.Record(Type.String(), Type.String(), { description: 'Extra request headers; stored encrypted (they often carry tokens)' }),
  ),
});

export const TelegramConfigInputSchema = Type.Object({
  type: Type.Literal('telegram'),
  chatId: Type.String({ minLength: 1, description: 'Chat id (-100… for groups) or @channel' }),
  botToken: Type.Optional(Type.String({ minLength: 1 })),
  apiBaseUrl: Type.Optional(Nullable(Type.String({ description: 'Bot API base URL; default https://api.telegram.org' }))),
});

export const ChatConfigInputSchema = Type.Object({
  type: Type.Union([Type.Literal('discord'), Type.Literal('slack'), Type.Literal('teams')]),
  webhookUrl: Type.Optional(Type.String({ minLength: 1, description: 'Incoming-webhook URL; it is the credential, so it is stored encrypted' })),
});

export const MqttConfigInputSchema = Type.Object({
  type: Type.Literal('mqtt'),
  url: Type.String({ minLength: 1, description: 'mqtt://, mqtts://, ws:// or wss:// broker URL' }),
  username: Type.Optional(Nullable(Type.String())),
  password: Type.Optional(Type.String()),
  topicPrefix: Type.Optional(Type.String({ minLength: 1, description: 'Topic root; default farmhook' })),
  retainState: Type.Optional(Type.Boolean({ description: 'Publish a retained <prefix>/<printer>/state topic' })),
  rejectUnauthorized: Type.Optional(Type.Boolean({ description: 'TLS: verify the broker certificate' })),
  ca: Type.Optional(Nullable(Type.String({ description: 'TLS: PEM CA certificate for a private broker' }))),
});

export const DestinationConfigInputSchema = Type.Union([
  HttpConfigInputSchema,
  TelegramConfigInputSchema,
  ChatConfigInputSchema,
  MqttConfigInputSchema,
]);
export type DestinationConfigInput = Static<typeof DestinationConfigInputSchema>;

export const DestinationInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    enabled: Type.Optional(Type.Boolean()),
    events: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Event filter: names or wildcards (job.*), !pattern excludes; empty or ["*"] = all',
      }),
    ),
    printers: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Printer ids or names (wildcards allowed); empty = all' })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000 })),
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    ordered: Type.Optional(Type.Boolean({ description: 'Deliver one at a time, in event order' })),
    pauseAfterFailures: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: '0 = never pause' })),
    language: Type.Optional(Type.Union(FORWARD_LANGUAGES.map((v) => Type.Literal(v)))),
    templates: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: 'Message templates by event name or category, overriding the defaults' }),
    ),
    config: DestinationConfigInputSchema,
  },
  { $id: 'DestinationInput' },
);
export type DestinationInput = Static<typeof DestinationInputSchema>;

// ---- destination as shown (secrets never included) ----

export const DestinationConfigViewSchema = Type.Union([
  Type.Object({
    type: Type.Literal('http'),
    url: Type.String(),
    signing: Type.Union(SIGNING_MODES.map((v) => Type.Literal(v))),
    secretSet: Type.Boolean(),
    headerNames: Type.Array(Type.String()),
  }),
  Type.Object({
    type: Type.Literal('telegram'),
    chatId: Type.String(),
    apiBaseUrl: Nullable(Type.String()),
    botTokenSet: Type.Boolean(),
  }),
  Type.Object({
    type: Type.Union([Type.Literal('discord'), Type.Literal('slack'), Type.Literal('teams')]),
    webhookUrlSet: Type.Boolean(),
    webhookHost: Nullable(Type.String({ description: 'Host of the stored URL, so the operator can tell them apart' })),
  }),
  Type.Object({
    type: Type.Literal('mqtt'),
    url: Type.String(),
    username: Nullable(Type.String()),
    passwordSet: Type.Boolean(),
    topicPrefix: Type.String(),
    retainState: Type.Boolean(),
    rejectUnauthorized: Type.Boolean(),
    caSet: Type.Boolean(),
  }),
]);
export type DestinationConfigView = Static<typeof DestinationConfigViewSchema>;

export const DestinationSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    type: Type.Union(DESTINATION_TYPES.map((v) => Type.Literal(v))),
    enabled: Type.Boolean(),
    events: Type.Array(Type.String()),
    printers: Type.Array(Type.String()),
    timeoutMs: Type.Integer(),
    maxAttempts: Type.Integer(),
    ordered: Type.Boolean(),
    pauseAfterFailures: Type.Integer(),
    language: Type.Union(FORWARD_LANGUAGES.map((v) => Type.Literal(v))),
    templates: Type.Record(Type.String(), Type.String()),
    config: DestinationConfigViewSchema,
    paused: Type.Boolean({ description: 'Sending paused after consecutive failures; jobs wait in the outbox' }),
    pausedAt: Nullable(Type.String()),
    stateReason: Nullable(Type.String({ description: 'Why it was paused or disabled automatically' })),
    consecutiveFailures: Type.Integer(),
    lastSuccessAt: Nullable(Type.String()),
    lastFailureAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Destination' },
);
export type Destination = Static<typeof DestinationSchema>;

export const DestinationListSchema = Type.Object({ items: Type.Array(DestinationSchema) }, { $id: 'DestinationList' });
export type DestinationList = Static<typeof DestinationListSchema>;

// ---- deliveries and attempts ----

export const DeliveryAttemptSchema = Type.Object(
  {
    id: Type.String(),
    deliveryId: Type.String({ description: 'Stable id sent on every attempt (X-Webhook-ID / webhook-id)' }),
    jobId: Type.String(),
    destinationId: Type.String(),
    attempt: Type.Integer({ minimum: 1 }),
    startedAt: Type.String(),
    durationMs: Type.Integer(),
    ok: Type.Boolean(),
    statusCode: Nullable(Type.Integer()),
    responseBody: Nullable(Type.String({ description: 'First 10 KiB of the answer' })),
    error: Nullable(Type.String()),
  },
  { $id: 'DeliveryAttempt' },
);
export type DeliveryAttempt = Static<typeof DeliveryAttemptSchema>;

export const DeliverySchema = Type.Object(
  {
    id: Type.String({ description: 'Outbox job id' }),
    deliveryId: Type.String(),
    destinationId: Type.String(),
    destinationName: Type.String(),
    eventId: Nullable(Type.String()),
    event: Type.String(),
    kind: Type.Union(DELIVERY_KINDS.map((v) => Type.Literal(v))),
    status: Type.Union(DELIVERY_STATUSES.map((v) => Type.Literal(v))),
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
  },
  { $id: 'Delivery' },
);
export type Delivery = Static<typeof DeliverySchema>;

export const DeliveryDetailSchema = Type.Intersect(
  [DeliverySchema, Type.Object({ attemptLog: Type.Array(DeliveryAttemptSchema) })],
  { $id: 'DeliveryDetail' },
);
export type DeliveryDetail = Static<typeof DeliveryDetailSchema>;

export const DeliveryQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String()),
  destination: Type.Optional(Type.String({ description: 'Destination id' })),
  status: Type.Optional(Type.String({ description: 'Status; comma-separated for several' })),
  event: Type.Optional(Type.String({ description: 'Event id' })),
});
export type DeliveryQuery = Static<typeof DeliveryQuerySchema>;

export const DeliveryPageSchema = Type.Object(
  { items: Type.Array(DeliverySchema), nextCursor: Nullable(Type.String()) },
  { $id: 'DeliveryPage' },
);
export type DeliveryPage = Static<typeof DeliveryPageSchema>;

export const AttemptQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String()),
  destination: Type.Optional(Type.String({ description: 'Destination id' })),
});
export type AttemptQuery = Static<typeof AttemptQuerySchema>;

export const AttemptPageSchema = Type.Object(
  { items: Type.Array(DeliveryAttemptSchema), nextCursor: Nullable(Type.String()) },
  { $id: 'AttemptPage' },
);
export type AttemptPage = Static<typeof AttemptPageSchema>;

export const ReplayRequestSchema = Type.Object(
  { eventIds: Type.Array(Type.String(), { minItems: 1, maxItems: 1000 }) },
  { $id: 'ReplayRequest' },
);
export type ReplayRequest = Static<typeof ReplayRequestSchema>;

export const ReplayResultSchema = Type.Object(
  { deliveries: Type.Array(DeliverySchema), missingEventIds: Type.Array(Type.String()) },
  { $id: 'ReplayResult' },
);
export type ReplayResult = Static<typeof ReplayResultSchema>;

// ---- statistics ----

export const DestinationStatsSchema = Type.Object(
  {
    destinationId: Type.String(),
    name: Type.String(),
    enabled: Type.Boolean(),
    paused: Type.Boolean(),
    windowHours: Type.Integer({ description: 'Attempts counted over this many hours' }),
    attempts: Type.Integer(),
    successes: Type.Integer(),
    failures: Type.Integer(),
    successRate: Nullable(Type.Number({ description: '0..1 over the window; null without attempts' })),
    medianMs: Nullable(Type.Integer()),
    p95Ms: Nullable(Type.Integer()),
    lastSuccessAt: Nullable(Type.String()),
    lastFailureAt: Nullable(Type.String()),
    consecutiveFailures: Type.Integer(),
    queueDepth: Type.Integer({ description: 'Jobs pending or waiting to retry' }),
    delivered: Type.Integer({ description: 'Jobs delivered (all time)' }),
    failed: Type.Integer({ description: 'Jobs given up on (all time)' }),
  },
  { $id: 'DestinationStats' },
);
export type DestinationStats = Static<typeof DestinationStatsSchema>;

export const ForwardStatsSchema = Type.Object({ items: Type.Array(DestinationStatsSchema) }, { $id: 'ForwardStats' });
export type ForwardStats = Static<typeof ForwardStatsSchema>;
