// The setup wizard's and the reachability checks' DTOs: receiver settings, how SimplyPrint reaches
// this PC (port forward, Cloudflare quick tunnel, ngrok, LAN only), tunnel status, probe results,
// the SimplyPrint connection and webhook check, the persisted wizard state and the test-delivery
// wait. One TypeBox declaration per shape gives the route schema and the TypeScript type.
// Secrets never appear here except in `GeneratedSecret`, the one-time answer the wizard shows for
// copying.
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { CHECK_STATUSES, HealthMessageSchema } from './schemas.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A union of string literals whose static type keeps the literals (a plain map would widen to string). */
const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

// ----- receiver and reachability ----------------------------------------------------------------

/**
 * port_forward: the router forwards a public port to this PC (public name or IP, often DDNS);
 * cloudflare_quick: FarmHook runs `cloudflared tunnel --url ...` and gets a *.trycloudflare.com URL
 *   (changes on every restart of cloudflared);
 * ngrok: an ngrok agent the technician runs (`ngrok http <port>`); FarmHook reads its local API;
 * lan_only: no public URL, only senders on the LAN (a local script, another tool) reach FarmHook.
 */
export const REACHABILITY_MODES = ['port_forward', 'cloudflare_quick', 'ngrok', 'lan_only'] as const;
export type ReachabilityMode = (typeof REACHABILITY_MODES)[number];
export const ReachabilityModeSchema = Literals(REACHABILITY_MODES);

/** lan: listen on every address (0.0.0.0); loopback: 127.0.0.1 only (a tunnel on this PC is the way in). */
export const HOST_MODES = ['lan', 'loopback'] as const;
export type HostMode = (typeof HOST_MODES)[number];
export const HostModeSchema = Literals(HOST_MODES);

export const SECRET_SOURCES = ['none', 'settings', 'config'] as const;

export const ReceiverSettingsSchema = Type.Object(
  {
    port: Type.Integer({ description: 'Configured receiver port (applies at the next start when it differs from listeningPort)' }),
    hostMode: HostModeSchema,
    host: Type.String({ description: 'Configured bind address' }),
    listening: Type.Boolean(),
    listeningPort: Type.Integer({ description: 'Port the receiver is bound to right now' }),
    listeningHost: Type.String(),
    restartRequired: Type.Boolean({ description: 'Port or host mode changed: restart FarmHook to apply' }),
    webhookPath: Type.String(),
    lanUrls: Type.Array(Type.String(), { description: 'The webhook URL on each LAN address (not loopback)' }),
    secretSet: Type.Boolean(),
    secretSource: Type.Union(SECRET_SOURCES.map((s) => Type.Literal(s)), {
      description: 'settings: set in the wizard (secret store); config: --secret, FARMHOOK_SECRET or config.json (wins at start)',
    }),
  },
  { title: 'ReceiverSettings' },
);
export type ReceiverSettings = Static<typeof ReceiverSettingsSchema>;

export const ReachabilitySettingsSchema = Type.Object(
  {
    mode: Nullable(ReachabilityModeSchema),
    /** port_forward: what the technician typed, normalised to a base URL without the webhook path. */
    publicBaseUrl: Nullable(Type.String({ description: 'e.g. http://farm.example.net:13000 (port_forward)' })),
    cloudflaredPath: Type.String({ description: 'cloudflared executable; default "cloudflared" on PATH' }),
    ngrokApiUrl: Type.String({ description: "ngrok agent's local API; default http://127.0.0.1:4040" }),
    /** Start the Cloudflare quick tunnel whenever FarmHook starts (set when the wizard starts it). */
    tunnelAutoStart: Type.Boolean(),
  },
  { title: 'ReachabilitySettings' },
);
export type ReachabilitySettings = Static<typeof ReachabilitySettingsSchema>;

export const SimplyPrintSettingsSchema = Type.Object(
  {
    companyId: Nullable(Type.Integer()),
    apiKeySet: Type.Boolean(),
    apiBaseUrl: Type.String({ description: 'https://api.simplyprint.io unless changed' }),
    /** The webhook FarmHook created or adopted; null until then. */
    webhookId: Nullable(Type.Integer()),
    /** Events the technician chose in the wizard (the check also adds those enabled alert rules need). */
    events: Type.Array(Type.String()),
  },
  { title: 'SimplyPrintSettings' },
);
export type SimplyPrintSettings = Static<typeof SimplyPrintSettingsSchema>;

export const UrlWarningSchema = Type.Object({
  code: Literals(['chat_service', 'private_address', 'loopback', 'not_http', 'admin_port', 'path_differs'] as const),
  message: Type.String(),
  /** `message` as a health catalogue key and values (src/shared/health-messages.ts). */
  messageRef: Type.Optional(HealthMessageSchema),
});
export type UrlWarning = Static<typeof UrlWarningSchema>;

export const SetupSettingsSchema = Type.Object(
  {
    receiver: ReceiverSettingsSchema,
    reachability: ReachabilitySettingsSchema,
    simplyprint: SimplyPrintSettingsSchema,
    /** The URL SimplyPrint must POST to now: public base + webhook path (tunnel URL when one runs); null when unknown. */
    publicWebhookUrl: Nullable(Type.String()),
    publicWebhookUrlWarnings: Type.Array(UrlWarningSchema),
  },
  { title: 'SetupSettings' },
);
export type SetupSettings = Static<typeof SetupSettingsSchema>;

/** PUT /setup/settings: only what is given changes. */
export const SetupSettingsUpdateSchema = Type.Object(
  {
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    hostMode: Type.Optional(HostModeSchema),
    mode: Type.Optional(Nullable(ReachabilityModeSchema)),
    publicUrl: Type.Optional(Nullable(Type.String({ maxLength: 2048, description: 'Base URL or full webhook URL; null clears it' }))),
    cloudflaredPath: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    ngrokApiUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    tunnelAutoStart: Type.Optional(Type.Boolean()),
  },
  { title: 'SetupSettingsUpdate', additionalProperties: false },
);
export type SetupSettingsUpdate = Static<typeof SetupSettingsUpdateSchema>;

/** The one answer that carries the webhook secret: shown once for copying into SimplyPrint's panel. */
export const GeneratedSecretSchema = Type.Object({ secret: Type.String(), receiver: ReceiverSettingsSchema }, { title: 'GeneratedSecret' });
export type GeneratedSecret = Static<typeof GeneratedSecretSchema>;

/** PUT /setup/secret: use a secret the technician already has (e.g. from an existing SimplyPrint webhook). null removes it. */
export const SecretInputSchema = Type.Object({ secret: Nullable(Type.String({ minLength: 8, maxLength: 128 })) }, { additionalProperties: false });
export type SecretInput = Static<typeof SecretInputSchema>;

// ----- probes -----------------------------------------------------------------------------------

/**
 * dns: the name does not resolve; refused: nothing listens there (port closed, router not
 * forwarding, proxy/tunnel stopped); timeout: no answer in time (firewall dropping, slow path);
 * tls: the HTTPS handshake failed; wrong_service: something answered, but not this FarmHook
 * (another web server, another FarmHook, a router's admin page); http_4xx / http_5xx: an error
 * status without FarmHook's answer (a proxy or tunnel edge that cannot reach FarmHook gives 502).
 */
export const PROBE_FAILURES = ['dns', 'refused', 'timeout', 'tls', 'wrong_service', 'http_4xx', 'http_5xx', 'invalid_url', 'network'] as const;
export type ProbeFailure = (typeof PROBE_FAILURES)[number];

export const ProbeResultSchema = Type.Object(
  {
    ok: Type.Boolean({ description: 'The nonce arrived at this receiver and its answer came back' }),
    target: Type.String({ description: 'The URL probed' }),
    roundTripMs: Nullable(Type.Integer()),
    failure: Nullable(Literals(PROBE_FAILURES)),
    httpStatus: Nullable(Type.Integer()),
    /** Plain words: what happened and what it likely means. */
    message: Type.String(),
    /** `message` as a health catalogue key and values (src/shared/health-messages.ts). */
    messageRef: Type.Optional(HealthMessageSchema),
    /** Where the probe came in from, as the receiver saw it (a tunnel shows 127.0.0.1). */
    arrivedFrom: Nullable(Type.String()),
    checkedAt: Type.String(),
  },
  { title: 'ProbeResult' },
);
export type ProbeResult = Static<typeof ProbeResultSchema>;

export const LanProbeReportSchema = Type.Object(
  {
    /** loopback host mode: nothing on the LAN can reach FarmHook, by choice. */
    lanEnabled: Type.Boolean(),
    results: Type.Array(Type.Composite([ProbeResultSchema, Type.Object({ interfaceName: Type.String(), address: Type.String() })])),
  },
  { title: 'LanProbeReport' },
);
export type LanProbeReport = Static<typeof LanProbeReportSchema>;

/** POST /setup/probe/public: probe the configured public URL, or `url` (to try one before saving it). */
export const PublicProbeRequestSchema = Type.Object(
  {
    url: Type.Optional(Type.String({ maxLength: 2048 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000, default: 10_000 })),
  },
  { additionalProperties: false },
);
export type PublicProbeRequest = Static<typeof PublicProbeRequestSchema>;

// ----- tunnels ----------------------------------------------------------------------------------

export const TUNNEL_STATES = ['stopped', 'starting', 'url_assigned', 'connected', 'verified', 'degraded', 'failed'] as const;
export type TunnelState = (typeof TUNNEL_STATES)[number];

export const TUNNEL_HINTS = ['not_installed', 'rate_limited', 'udp_blocked', 'agent_not_running', 'no_matching_tunnel', 'url_changed', 'exited', 'not_verified'] as const;
export type TunnelHintCode = (typeof TUNNEL_HINTS)[number];

export const TunnelStatusSchema = Type.Object(
  {
    provider: Nullable(Literals(['cloudflare', 'ngrok'] as const)),
    state: Literals(TUNNEL_STATES),
    publicUrl: Nullable(Type.String({ description: 'Base URL, e.g. https://abc-def.trycloudflare.com' })),
    /** When `state` last changed. */
    since: Type.String(),
    restarts: Type.Integer({ description: 'Times the tunnel process was restarted after exiting' }),
    nextRetryAt: Nullable(Type.String()),
    /** cloudflared `/ready` readyConnections (edge connections up). */
    connections: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    /** `lastError` as a health catalogue key and values (src/shared/health-messages.ts). */
    lastErrorRef: Type.Optional(Nullable(HealthMessageSchema)),
    hints: Type.Array(Type.Object({ code: Literals(TUNNEL_HINTS), message: Type.String(), messageRef: Type.Optional(HealthMessageSchema) })),
    verification: Nullable(ProbeResultSchema),
  },
  { title: 'TunnelStatus' },
);
export type TunnelStatus = Static<typeof TunnelStatusSchema>;

// ----- SimplyPrint ------------------------------------------------------------------------------

/** PUT /setup/simplyprint: the API key is write-only (absent keeps it, null deletes it). */
export const SimplyPrintConnectionInputSchema = Type.Object(
  {
    companyId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    apiKey: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 512 }))),
    apiBaseUrl: Type.Optional(Nullable(Type.String({ maxLength: 1024, description: 'null: back to https://api.simplyprint.io' }))),
    events: Type.Optional(Type.Array(Type.String(), { maxItems: 200 })),
  },
  { title: 'SimplyPrintConnectionInput', additionalProperties: false },
);
export type SimplyPrintConnectionInput = Static<typeof SimplyPrintConnectionInputSchema>;

export const SimplyPrintFailureSchema = Type.Object({
  /** A SimplyPrintErrorCode (bad_key, no_company_access, plan_lacks_webhooks, rate_limited, network, ...) or `not_configured`. */
  code: Type.String(),
  message: Type.String(),
  retryable: Type.Boolean(),
});
export type SimplyPrintFailure = Static<typeof SimplyPrintFailureSchema>;

export const SimplyPrintValidationSchema = Type.Object(
  {
    ok: Type.Boolean(),
    message: Type.String({ description: "SimplyPrint's words on success, or what is wrong" }),
    error: Nullable(SimplyPrintFailureSchema),
    /** Positive: this PC's clock is ahead of SimplyPrint's. */
    clockSkewMs: Nullable(Type.Integer()),
    checkedAt: Type.String(),
  },
  { title: 'SimplyPrintValidation' },
);
export type SimplyPrintValidation = Static<typeof SimplyPrintValidationSchema>;

export const WebhookCheckSchema = Type.Object(
  {
    status: Literals(CHECK_STATUSES),
    /** An API key and company id are set (otherwise nothing below could be checked). */
    apiConfigured: Type.Boolean(),
    expectedUrl: Nullable(Type.String()),
    webhookId: Nullable(Type.Integer()),
    currentUrl: Nullable(Type.String()),
    exists: Type.Boolean(),
    urlMatches: Type.Boolean(),
    enabled: Type.Boolean(),
    secretMatches: Type.Boolean(),
    eventsCovered: Type.Boolean(),
    missingEvents: Type.Array(Type.String()),
    /** The one-click fix (POST /setup/simplyprint/webhook) would repair what is wrong. */
    fixAvailable: Type.Boolean(),
    /** Plain words, one per problem found (empty when all is well). */
    problems: Type.Array(Type.String()),
    /** `problems` as health catalogue keys and values, one per problem (src/shared/health-messages.ts). */
    problemRefs: Type.Optional(Type.Array(HealthMessageSchema)),
    error: Nullable(SimplyPrintFailureSchema),
    checkedAt: Type.String(),
  },
  { title: 'WebhookCheck' },
);
export type WebhookCheck = Static<typeof WebhookCheckSchema>;

/** POST /setup/simplyprint/webhook: create or update FarmHook's webhook (always enabled). */
export const WebhookSaveInputSchema = Type.Object(
  { events: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 200 })), name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export type WebhookSaveInput = Static<typeof WebhookSaveInputSchema>;

// ----- test delivery ----------------------------------------------------------------------------

export const TestTriggerSchema = Type.Object(
  {
    /** Pass as `since` to the wait, so a delivery that arrives before the wait starts still counts. */
    since: Type.String(),
    webhookId: Type.Integer(),
  },
  { title: 'TestTrigger' },
);
export type TestTrigger = Static<typeof TestTriggerSchema>;

export const TEST_OUTCOMES = ['arrived', 'wrong_secret', 'missing_secret', 'wrong_path', 'refused_other', 'nothing'] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

export const TestWaitQuerySchema = Type.Object({
  since: Type.String({ description: 'ISO-8601 (from TestTrigger, or when the technician was asked to press Test)' }),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000, default: 25_000 })),
});
export type TestWaitQuery = Static<typeof TestWaitQuerySchema>;

export const TestWaitResultSchema = Type.Object(
  {
    /**
     * arrived: a `test` event was stored; wrong_secret / missing_secret: a delivery was refused for
     * its secret; wrong_path: a POST arrived at another path of the receiver; refused_other: refused
     * for another reason (malformed, too large); nothing: nothing reached the receiver in time.
     */
    outcome: Literals(TEST_OUTCOMES),
    eventId: Nullable(Type.String()),
    /** The path the delivery was POSTed to (wrong_path) */
    path: Nullable(Type.String()),
    rejectionId: Nullable(Type.String()),
    waitedMs: Type.Integer(),
    message: Type.String(),
    /** For `nothing`: what the other checks say (public URL probe, tunnel, SimplyPrint's webhook). */
    diagnosis: Type.Array(Type.String()),
  },
  { title: 'TestWaitResult' },
);
export type TestWaitResult = Static<typeof TestWaitResultSchema>;

// ----- downtime ---------------------------------------------------------------------------------

export const DowntimeGapSchema = Type.Object({
  from: Type.String({ description: 'When FarmHook stopped (or was last seen alive, after a crash)' }),
  to: Type.String({ description: 'When it started again' }),
  durationMs: Type.Integer(),
  /** No clean shutdown was recorded: a crash, power loss or kill. */
  unclean: Type.Boolean(),
});
export type DowntimeGap = Static<typeof DowntimeGapSchema>;

export const DowntimeReportSchema = Type.Object(
  { runningSince: Nullable(Type.String()), gaps: Type.Array(DowntimeGapSchema, { description: 'Newest first' }) },
  { title: 'DowntimeReport' },
);
export type DowntimeReport = Static<typeof DowntimeReportSchema>;

// ----- wizard state -----------------------------------------------------------------------------

export const WIZARD_STEPS = ['receiver', 'reachability', 'simplyprint', 'test', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const WizardStateSchema = Type.Object(
  {
    step: Literals(WIZARD_STEPS),
    /** true once the test delivery arrived (the first-run wizard is then not shown again). */
    completed: Type.Boolean(),
    choices: Type.Object({
      hostMode: Type.Optional(HostModeSchema),
      mode: Type.Optional(ReachabilityModeSchema),
      simplyprintPath: Type.Optional(Literals(['automatic', 'manual'] as const)),
      events: Type.Optional(Type.Array(Type.String())),
    }),
    updatedAt: Nullable(Type.String()),
  },
  { title: 'WizardState' },
);
export type WizardState = Static<typeof WizardStateSchema>;

export const WizardStateUpdateSchema = Type.Object(
  {
    step: Type.Optional(Literals(WIZARD_STEPS)),
    completed: Type.Optional(Type.Boolean()),
    choices: Type.Optional(WizardStateSchema.properties.choices),
  },
  { additionalProperties: false },
);
export type WizardStateUpdate = Static<typeof WizardStateUpdateSchema>;
