// JSON schemas of every DTO the control API and the Electron IPC bridge exchange. TypeBox gives the
// schema (Fastify validates and documents routes with it; the IPC dispatcher checks arguments with
// it) and the TypeScript type from one declaration, so the two transports cannot drift apart.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EVENT_CATEGORIES } from './catalogue.js';
import type { HealthMessage } from './health-messages.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const CategorySchema = Type.Union(EVENT_CATEGORIES.map((c) => Type.Literal(c)));

export const EventItemSchema = Type.Object(
  {
    id: Type.String(),
    receivedAt: Type.String({ description: 'ISO-8601, when FarmHook committed the delivery' }),
    timestamp: Nullable(Type.Integer({ description: "SimplyPrint's Unix timestamp (seconds), as sent" })),
    event: Type.String({ description: 'The event name exactly as sent' }),
    category: CategorySchema,
    label: Type.String({ description: 'English label from the catalogue (the renderer localises from the event name)' }),
    known: Type.Boolean({ description: 'SimplyPrint documents this event name' }),
    canonical: Nullable(Type.String({ description: 'For a legacy name: the SimplyPrint event it stands for' })),
    webhookId: Nullable(Type.String()),
    printerId: Nullable(Type.String()),
    printerName: Nullable(Type.String()),
    jobId: Nullable(Type.String()),
    jobUid: Nullable(Type.String()),
    jobFile: Nullable(Type.String()),
    jobState: Nullable(Type.String()),
    userName: Nullable(Type.String()),
    queueFile: Nullable(Type.String()),
    duplicates: Type.Integer({ description: 'Exact re-deliveries of this body answered as duplicates' }),
  },
  { title: 'EventItem' },
);
export type EventItem = Static<typeof EventItemSchema>;

export const EventDetailSchema = Type.Composite(
  [
    EventItemSchema,
    Type.Object({
      payload: Type.Unknown({ description: 'The body, parsed' }),
      raw: Type.String({ description: 'The body byte-for-byte, as UTF-8 text' }),
      headers: Type.Record(Type.String(), Type.String(), { description: 'Received headers, secrets masked' }),
      remoteAddress: Nullable(Type.String()),
    }),
  ],
  { title: 'EventDetail' },
);
export type EventDetail = Static<typeof EventDetailSchema>;

export const EventQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page' })),
  event: Type.Optional(Type.String({ description: 'Exact event name; comma-separated for several' })),
  category: Type.Optional(Type.String({ description: 'Category; comma-separated for several' })),
  printer: Type.Optional(Type.String({ description: 'Printer id' })),
  job: Type.Optional(Type.String({ description: 'Print job id or uid' })),
  q: Type.Optional(Type.String({ description: 'Free text over file, printer and user names and labels' })),
  from: Type.Optional(Type.String({ description: 'Received at or after (ISO-8601 or Unix ms)' })),
  to: Type.Optional(Type.String({ description: 'Received before (ISO-8601 or Unix ms)' })),
});
export type EventQuery = Static<typeof EventQuerySchema>;

export const EventPageSchema = Type.Object(
  { items: Type.Array(EventItemSchema), nextCursor: Nullable(Type.String()) },
  { title: 'EventPage' },
);
export type EventPage = Static<typeof EventPageSchema>;

export const StatsSummarySchema = Type.Object(
  {
    total: Type.Integer(),
    byEvent: Type.Record(Type.String(), Type.Integer()),
    byCategory: Type.Record(Type.String(), Type.Integer()),
    rejected: Type.Integer(),
    duplicates: Type.Integer(),
    lastEventAt: Nullable(Type.String()),
  },
  { title: 'StatsSummary' },
);
export type StatsSummary = Static<typeof StatsSummarySchema>;

export const REJECTION_REASONS = [
  'malformed_json',
  'invalid_utf8',
  'not_an_object',
  'missing_event',
  'too_deep',
  'too_large',
  'missing_secret',
  'wrong_secret',
  'wrong_path',
  'wrong_method',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const RejectionItemSchema = Type.Object(
  {
    id: Type.String(),
    receivedAt: Type.String(),
    reason: Type.Union(REJECTION_REASONS.map((r) => Type.Literal(r))),
    status: Type.Integer({ description: 'HTTP status answered' }),
    message: Type.String(),
    remoteAddress: Nullable(Type.String()),
    method: Type.String(),
    path: Type.String(),
    headers: Type.Record(Type.String(), Type.String()),
    bodySize: Type.Integer({ description: 'Bytes received (or declared, for a body refused unread)' }),
    bodySample: Type.String({ description: 'First 4 KiB of the body, as text' }),
  },
  { title: 'RejectionItem' },
);
export type RejectionItem = Static<typeof RejectionItemSchema>;

export const PageQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String()),
});
export type PageQuery = Static<typeof PageQuerySchema>;

export const RejectionPageSchema = Type.Object(
  { items: Type.Array(RejectionItemSchema), nextCursor: Nullable(Type.String()) },
  { title: 'RejectionPage' },
);
export type RejectionPage = Static<typeof RejectionPageSchema>;

export const CHECK_STATUSES = ['ok', 'warning', 'problem', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Levels of messages inside a message's values (a finding > one address's failure > the probe's answer). */
const HEALTH_MESSAGE_DEPTH = 4;

function healthMessageObject(depth: number): TSchema {
  const scalar = [Type.String(), Type.Number()];
  const value = depth > 0 ? Type.Union([...scalar, Type.Array(healthMessageObject(depth - 1), { description: 'Messages, rendered in the same language and joined with a space' })]) : Type.Union(scalar);
  return Type.Object({
    key: Type.String({ description: 'Key in the health message catalogue (src/shared/health-messages.ts), e.g. storage.disk.free' }),
    params: Type.Record(Type.String(), value, { description: 'Values for the {{name}} placeholders of the template' }),
  });
}

/**
 * A health sentence as a catalogue key and its values, so a client can show it in its own language
 * (the catalogue has English and Russian); the plain-text field beside it is the English rendering.
 */
export const HealthMessageSchema = Type.Unsafe<HealthMessage>({
  ...healthMessageObject(HEALTH_MESSAGE_DEPTH),
  description: 'Catalogue key and values of the text beside it (src/shared/health-messages.ts); render with renderHealthMessage',
});

export const HealthCheckSchema = Type.Object({
  id: Type.String({ description: 'Stable id, e.g. receiver.listening' }),
  status: Type.Union(CHECK_STATUSES.map((s) => Type.Literal(s))),
  title: Type.String(),
  finding: Type.String({ description: 'One line: what was found (English)' }),
  action: Nullable(Type.String({ description: 'What to do about it (English)' })),
  findingMessage: Type.Optional(HealthMessageSchema),
  actionMessage: Type.Optional(Nullable(HealthMessageSchema)),
  checkedAt: Type.String(),
});
export type HealthCheck = Static<typeof HealthCheckSchema>;

export const HealthReportSchema = Type.Object(
  { status: Type.Union(CHECK_STATUSES.map((s) => Type.Literal(s))), checks: Type.Array(HealthCheckSchema) },
  { title: 'HealthReport' },
);
export type HealthReport = Static<typeof HealthReportSchema>;

export const AppStatusSchema = Type.Object(
  {
    version: Type.String(),
    startedAt: Type.String(),
    dataDir: Type.String(),
    receiver: Type.Object({
      listening: Type.Boolean(),
      host: Type.String(),
      port: Type.Integer(),
      error: Nullable(Type.String()),
      webhookPath: Type.String(),
      webhookUrls: Type.Array(Type.String(), { description: 'The webhook URL on each address it listens on' }),
      secretConfigured: Type.Boolean(),
      bodyLimit: Type.Integer(),
    }),
    lastEventAt: Nullable(Type.String()),
  },
  { title: 'AppStatus' },
);
export type AppStatus = Static<typeof AppStatusSchema>;

export const ApiErrorSchema = Type.Object(
  { error: Type.String({ description: 'Machine-readable code' }), message: Type.String() },
  { title: 'ApiError' },
);
export type ApiError = Static<typeof ApiErrorSchema>;
