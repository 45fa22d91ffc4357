// The AppApi in-process, over the same readers and rooms the control API's routes use: what the
// Electron IPC dispatcher calls. Errors are thrown as AppApiError with the code and status the HTTP
// route would answer, so the renderer sees `{error, message}` alike over IPC and HTTP. Arguments are
// assumed checked against the shared schemas by the caller (the dispatcher does).
import { AlertNotFoundError } from './alerts/room.js';
import { csvHeader, csvRow } from './control/csv.js';
import type { ControlContext } from './control/context.js';
import { ForwardError } from './forward/errors.js';
import type { Forwarding } from './forward/forwarding.js';
import { SecretStoreError } from './secrets/errors.js';
import { AppApiError, type AppApi, type EventExport, type ExportFormat } from './shared/api.js';
import type { EventItem, EventQuery } from './shared/schemas.js';
import { createStatsQueries } from './stats/queries.js';
import { StatsQueryError } from './stats/range.js';
import { MAX_PAGE, QueryError } from './store/event-query.js';

/** The setup wizard's calls, served by the setup room's own in-process implementation. */
export const SETUP_METHODS = [
  'setupSettings',
  'updateSetupSettings',
  'generateWebhookSecret',
  'setWebhookSecret',
  'setSimplyPrintConnection',
  'validateSimplyPrint',
  'checkSimplyPrintWebhook',
  'saveSimplyPrintWebhook',
  'triggerTestDelivery',
  'waitForTestDelivery',
  'probeLan',
  'probePublic',
  'tunnelStatus',
  'startTunnel',
  'stopTunnel',
  'wizardState',
  'updateWizardState',
  'downtime',
] as const satisfies readonly (keyof AppApi)[];
export type SetupApi = Pick<AppApi, (typeof SETUP_METHODS)[number]>;

export interface LocalApiOptions {
  context: ControlContext;
  /** The forwarding room, when the app has one. */
  forwarding?: Forwarding;
  /** The setup room's calls, when the app has one. */
  setup?: SetupApi;
  now?: () => number;
}

/** The error the HTTP routes would have answered for `error`, as an AppApiError. */
export function toAppApiError(error: unknown): AppApiError {
  if (error instanceof AppApiError) return error;
  if (error instanceof QueryError || error instanceof StatsQueryError) return new AppApiError('bad_query', error.message, 400);
  if (error instanceof AlertNotFoundError) return new AppApiError('not_found', error.message, 404);
  if (error instanceof ForwardError) return new AppApiError(error.code, error.message, error.status);
  if (error instanceof SecretStoreError) return new AppApiError(`secrets_${error.code}`, error.message, 500);
  return new AppApiError('internal', 'Internal error; see the log.', 500);
}

export function createLocalApi(options: LocalApiOptions): AppApi {
  const { context: ctx } = options;
  const now = options.now ?? Date.now;
  const stats = createStatsQueries(ctx.db);

  const alerts = () => ctx.alerts ?? unavailable('Alerts');
  const forwarding = () => options.forwarding ?? unavailable('Forwarding');

  // Each setup call goes to the setup room, or answers 503 when there is none.
  const setup = Object.fromEntries(
    SETUP_METHODS.map((name) => [
      name,
      (...args: unknown[]) => (options.setup ? (options.setup[name] as (...a: unknown[]) => Promise<unknown>)(...args) : unavailable('The setup wizard')),
    ]),
  ) as unknown as SetupApi;

  const api: AppApi = {
    ...setup,
    status: async () => ctx.status(),
    health: () => ctx.health(),
    listEvents: async (query) => ctx.events.list(query),
    getEvent: async (id) => {
      const detail = /^[0-9]{1,15}$/.test(id) ? ctx.events.get(Number(id)) : null;
      if (!detail) throw new AppApiError('not_found', `No event ${id}.`, 404);
      return detail;
    },
    statsSummary: async () => ctx.events.summary(),
    listRejections: async (query) => ctx.rejections.list(query),
    countEventsOlderThan: async (days) => ({ count: ctx.events.countOlderThan(days, now()) }),
    deleteEventsOlderThan: async (days) => ({ deleted: ctx.events.deleteOlderThan(days, now()) }),
    exportEvents: async (query, format) => exportEvents(ctx, query, format, now()),
    statsDeliveries: async (query) => stats.deliveries(query, now()),
    statsPrinters: async (query) => stats.printers(query, now()),
    statsFarm: async (query) => stats.farm(query, now()),
    listPrinters: async () => stats.printerStates(now()),
    listForwardDestinations: async () => forwarding().listDestinations(),
    getForwardDestination: async (id) => forwarding().getDestination(id),
    createForwardDestination: async (input) => forwarding().createDestination(input),
    updateForwardDestination: (id, input) => forwarding().updateDestination(id, input),
    deleteForwardDestination: (id) => forwarding().deleteDestination(id),
    testForwardDestination: (id) => forwarding().sendTest(id),
    resumeForwardDestination: async (id) => forwarding().resumeDestination(id),
    replayToForwardDestination: async (id, eventIds) => forwarding().replay(id, eventIds),
    listForwardDeliveries: async (query) => forwarding().listDeliveries(query),
    getForwardDelivery: async (id) => forwarding().getDelivery(id),
    retryForwardDelivery: async (id) => forwarding().retryDelivery(id),
    listForwardAttempts: async (query) => forwarding().listAttempts(query),
    forwardStats: async () => forwarding().stats(),
    listAlerts: async (query) => alerts().list(query),
    acknowledgeAlert: async (id) => alerts().acknowledge(id),
    alertSettings: async () => alerts().settings(),
    updateAlertSettings: async (update) => alerts().updateSettings(update),
    pauseAlerts: async (minutes) => alerts().pause(minutes),
    subscribe: (listener) => ctx.hub.subscribe(listener),
  };

  // Every method rejects with an AppApiError, whatever failed underneath.
  return Object.fromEntries(
    Object.entries(api).map(([name, method]) => [
      name,
      name === 'subscribe'
        ? method
        : async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              throw toAppApiError(error);
            }
          },
    ]),
  ) as unknown as AppApi;
}

function unavailable(what: string): never {
  throw new AppApiError('unavailable', `${what} is not part of this FarmHook.`, 503);
}

/** The same rows and columns as GET /events/export, collected in memory for the IPC transport. */
function exportEvents(ctx: ControlContext, query: EventQuery, format: ExportFormat, now: number): EventExport {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const parts: string[] = format === 'csv' ? [csvHeader()] : [];
  let cursor: string | undefined;
  do {
    const page = ctx.events.list({ ...filters, limit: MAX_PAGE, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) parts.push(format === 'csv' ? csvRow(item) : ndjsonLine(ctx, item));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const stamp = new Date(now).toISOString().slice(0, 19).replaceAll(':', '-');
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return { fileName: `farmhook-events-${stamp}.${format}`, blob: new Blob(parts, { type }) };
}

function ndjsonLine(ctx: ControlContext, item: EventItem): string {
  return `${JSON.stringify({ ...item, payload: ctx.events.get(Number(item.id))?.payload ?? null })}\n`;
}
