// Alerts as the dashboard, the tray and the control API see them: what needs a human, since when,
// how often, and whether it is over. Each rule can be switched off and given a severity.
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const AlertSeveritySchema = Type.Union(ALERT_SEVERITIES.map((s) => Type.Literal(s)));

/**
 * How an alert ends: an incident (a failed print) is over once a human acknowledged it or the
 * printer printed again; a state (out of order, a maintenance problem) ends with SimplyPrint's event
 * saying so; a condition (receiver down, disk full) ends when FarmHook sees it clear for a while.
 */
export type AlertKind = 'incident' | 'state' | 'condition';

export interface AlertRuleInfo {
  id: string;
  kind: AlertKind;
  label: string;
  enabled: boolean;
  severity: AlertSeverity;
}

export const ALERT_RULES = [
  { id: 'job.failed', kind: 'incident', label: 'Print failed', enabled: true, severity: 'warning' },
  { id: 'printer.ai_failure', kind: 'incident', label: 'AI detected a failure', enabled: true, severity: 'critical' },
  { id: 'printer.out_of_order', kind: 'state', label: 'Printer marked out of order', enabled: true, severity: 'warning' },
  { id: 'maintenance.overdue', kind: 'state', label: 'Maintenance overdue', enabled: true, severity: 'warning' },
  { id: 'maintenance.problem', kind: 'state', label: 'Problem reported', enabled: true, severity: 'warning' },
  { id: 'queue.pending_approval', kind: 'incident', label: 'Queue item waits for approval', enabled: false, severity: 'info' },
  { id: 'job.cancelled', kind: 'incident', label: 'Print cancelled', enabled: false, severity: 'info' },
  { id: 'receiver.not_listening', kind: 'condition', label: 'Receiver not listening', enabled: true, severity: 'critical' },
  { id: 'deliveries.silent', kind: 'condition', label: 'No deliveries while printing', enabled: true, severity: 'critical' },
  { id: 'deliveries.wrong_secret', kind: 'condition', label: 'Deliveries refused: wrong secret', enabled: true, severity: 'critical' },
  { id: 'storage.disk', kind: 'condition', label: 'Disk almost full', enabled: true, severity: 'critical' },
  { id: 'database.error', kind: 'condition', label: 'Database error', enabled: true, severity: 'critical' },
  { id: 'simplyprint.webhook', kind: 'condition', label: "SimplyPrint's webhook does not match", enabled: true, severity: 'critical' },
  { id: 'forward.stopped', kind: 'condition', label: 'Forwarding destination stopped', enabled: true, severity: 'warning' },
] as const satisfies readonly AlertRuleInfo[];

export type AlertRuleId = (typeof ALERT_RULES)[number]['id'];
export const ALERT_RULE_IDS = ALERT_RULES.map((rule) => rule.id) as readonly AlertRuleId[];
export const AlertRuleIdSchema = Type.Union(ALERT_RULE_IDS.map((id) => Type.Literal(id)));

export const ruleInfo = (id: AlertRuleId): AlertRuleInfo => ALERT_RULES.find((rule) => rule.id === id)!;

export const ALERT_RESOLUTIONS = ['cleared', 'acknowledged', 'rule_disabled'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

export const AlertSchema = Type.Object(
  {
    id: Type.String(),
    key: Type.String({ description: 'Stable key of the condition: a flapping condition is one alert' }),
    rule: AlertRuleIdSchema,
    severity: AlertSeveritySchema,
    title: Type.String({ description: 'One line naming the printer where there is one' }),
    message: Type.String(),
    printerId: Nullable(Type.String()),
    printerName: Nullable(Type.String()),
    file: Nullable(Type.String()),
    eventId: Nullable(Type.String({ description: 'The latest event that raised or repeated it' })),
    firstSeenAt: Type.String(),
    lastSeenAt: Type.String(),
    count: Type.Integer({ description: 'How many times it was raised or came back' }),
    status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
    acknowledgedAt: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String()),
    resolution: Nullable(Type.Union(ALERT_RESOLUTIONS.map((r) => Type.Literal(r)))),
  },
  { title: 'Alert' },
);
export type Alert = Static<typeof AlertSchema>;

export const AlertQuerySchema = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('all')], { default: 'all' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'nextCursor of the previous page' })),
});
export type AlertQuery = Static<typeof AlertQuerySchema>;

export const AlertPageSchema = Type.Object(
  { items: Type.Array(AlertSchema), nextCursor: Nullable(Type.String()) },
  { title: 'AlertPage' },
);
export type AlertPage = Static<typeof AlertPageSchema>;

export const RuleSettingSchema = Type.Object({ enabled: Type.Boolean(), severity: AlertSeveritySchema });
export type RuleSetting = Static<typeof RuleSettingSchema>;

const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local time' });

export const QuietHoursSchema = Type.Object({ enabled: Type.Boolean(), start: TimeOfDay, end: TimeOfDay });
export type QuietHours = Static<typeof QuietHoursSchema>;

const rulesObject = <T extends TSchema>(schema: T): TObject<Record<AlertRuleId, T>> =>
  Type.Object(Object.fromEntries(ALERT_RULE_IDS.map((id) => [id, schema])) as Record<AlertRuleId, T>);

export const AlertSettingsSchema = Type.Object(
  {
    rules: rulesObject(RuleSettingSchema),
    noDeliveryHours: Type.Number({ minimum: 0.25, maximum: 168, description: 'Silence while printing longer than this raises an alert' }),
    wrongSecretThreshold: Type.Integer({ minimum: 1, maximum: 10000, description: 'Refusals for a wrong or missing secret within the window' }),
    wrongSecretWindowMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    quietHours: QuietHoursSchema,
    pausedUntil: Nullable(Type.String({ description: 'ISO-8601; notifications are held back until then' })),
  },
  { title: 'AlertSettings' },
);
export type AlertSettings = Static<typeof AlertSettingsSchema>;

/** A change to the settings: only what is given changes. The pause has its own call. */
export const AlertSettingsUpdateSchema = Type.Object(
  {
    rules: Type.Optional(Type.Partial(rulesObject(Type.Partial(RuleSettingSchema, { additionalProperties: false })), { additionalProperties: false })),
    noDeliveryHours: Type.Optional(AlertSettingsSchema.properties.noDeliveryHours),
    wrongSecretThreshold: Type.Optional(AlertSettingsSchema.properties.wrongSecretThreshold),
    wrongSecretWindowMinutes: Type.Optional(AlertSettingsSchema.properties.wrongSecretWindowMinutes),
    quietHours: Type.Optional(Type.Partial(QuietHoursSchema, { additionalProperties: false })),
  },
  { title: 'AlertSettingsUpdate', additionalProperties: false },
);
export type AlertSettingsUpdate = Static<typeof AlertSettingsUpdateSchema>;

export const PauseMinutesSchema = Type.Integer({ minimum: 0, maximum: 7 * 24 * 60, description: '0 resumes notifications' });

export type AlertChangeKind = 'raised' | 'repeated' | 'resolved' | 'acknowledged' | 'updated';
