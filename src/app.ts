// The composition root: one FarmHook core, used by the CLI (`farmhook serve`) and the Electron shell
// alike. It opens the store, wires the rooms together and binds the two ports.
import { join } from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { ControlContext } from './control/context.js';
import { createControlServer } from './control/server.js';
import { reachableAddresses, webhookUrl } from './health/addresses.js';
import { createBasicChecks } from './health/basic-checks.js';
import { DASHBOARD_DIR, VERSION } from './package-info.js';
import { PushHub } from './push-hub.js';
import { WEBHOOK_PATH } from './receiver/paths.js';
import { createReceiver } from './receiver/server.js';
import type { AppStatus } from './shared/schemas.js';
import { openDatabase } from './store/database.js';
import { createEventReader, toEventItem } from './store/event-reader.js';
import { attachSearch } from './store/search-index.js';
import { startSearchIndexer } from './store/search-runner.js';
import type { IngestHookRef } from './store/hooks.js';
import { threadWriter } from './store/batch-writers.js';
import { IngestQueue } from './store/ingest-queue.js';
import { createRejectionReader } from './store/rejection-reader.js';
import { listenError, type ListenFailure } from './listen-error.js';
import { forwardRoutes } from './control/forward-routes.js';
import { statsRoutes } from './control/stats-routes.js';
import { Forwarding } from './forward/forwarding.js';
import { FORWARD_OUTBOX_HOOK } from './forward/outbox-hook.js';
import type { WorkerOptions } from './forward/worker.js';
import { SecretStore, secretsFilePath } from './secrets/index.js';
import { createAlertsRoom } from './alerts/room.js';
import { alertRoutes } from './control/alert-routes.js';
import { setupRoutes } from './control/setup-routes.js';
import { composeHealth } from './health/compose.js';
import { ProbeRegistry } from './health/probe-registry.js';
import { createReachabilityChecks } from './health/reachability-checks.js';
import { createSetupRoom, type SetupRoom, type SetupTuning } from './setup/room.js';

export const DATABASE_FILE = 'farmhook.sqlite';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Extra ingest hooks and control routes of rooms composed in by the caller. */
  hooks?: readonly IngestHookRef[];
  controlPlugins?: readonly FastifyPluginAsync<ControlContext>[];
  dashboardDir?: string;
  /** Shorter in tests that exercise slow senders. */
  receiverRequestTimeoutMs?: number;
  /** Where destination secrets are kept; default: the secrets file in the data dir. */
  secrets?: SecretStore;
  /** Forward worker tuning (concurrency, backoff, poll interval); tests shorten the delays. */
  forwarding?: Omit<WorkerOptions, 'logger'>;
  /** Setup room tuning (tunnel backoff, probe caching); tests shorten the delays. */
  setup?: SetupTuning;
}

export interface FarmhookApp {
  readonly config: Config;
  readonly hub: PushHub;
  readonly context: ControlContext;
  readonly forwarding: Forwarding;
  /** Settings, reachability, tunnels, the SimplyPrint webhook, the wizard (see src/setup/room.ts). */
  readonly setup: SetupRoom;
  /** Binds the receiver, then the control API. Throws ListenFailure naming the port on failure. */
  start(): Promise<void>;
  /** Stops accepting, finishes deliveries in flight, closes the database. */
  stop(): Promise<void>;
  status(): AppStatus;
  dashboardUrl(): string;
}

/** The rooms that take part in every ingest transaction (see store/hooks.ts). */
export const ROOM_HOOKS: readonly IngestHookRef[] = [
  // Statistics rollups (job sessions, printer states, hourly deliveries) stay in step with events.
  { module: new URL('./stats/ingest-hook.js', import.meta.url).href, factory: 'createStatsHook' },
  // Forward jobs are written in the same transaction as their event: stored means will be forwarded.
  FORWARD_OUTBOX_HOOK,
];

export async function createApp(options: AppOptions): Promise<FarmhookApp> {
  const { config, logger, hooks = [], controlPlugins = [], dashboardDir = DASHBOARD_DIR } = options;
  const file = join(config.dataDir, DATABASE_FILE);
  // This connection migrates, then serves reads (and the occasional housekeeping write); deliveries
  // are written by the writer thread's own connection. WAL lets both work at once.
  const db = openDatabase(file, { autoCheckpoint: false });
  const hub = new PushHub((error) => logger.error({ err: error }, 'push listener failed'));
  const secrets = options.secrets ?? new SecretStore({ file: secretsFilePath(config.dataDir) });
  const forwarding = new Forwarding({
    db,
    vault: secrets,
    logger,
    ...options.forwarding,
    onAttempt(attempt, outcome) {
      options.forwarding?.onAttempt?.(attempt, outcome);
      hub.publish({ type: 'forward.changed', destinationId: String(attempt.destinationId) });
    },
    onStateChange(change) {
      options.forwarding?.onStateChange?.(change);
      // The alerts room is created further down; a destination cannot stop before the app runs.
      context.alerts?.reportForwardState(change);
      hub.publish({ type: 'forward.changed', destinationId: String(change.destinationId) });
    },
  });
  const queue = new IngestQueue(await threadWriter(file, [...ROOM_HOOKS, ...hooks]));
  const search = await startSearchIndexer(file, {
    onProblem: (problem) => logger.warn({ problem }, 'the search index could not be brought up to date'),
  });
  attachSearch(db, search.file);
  const events = createEventReader(db);
  const rejections = createRejectionReader(db);
  const startedAt = new Date().toISOString();
  const receiverState = { listening: false, host: config.host, port: config.port, error: null as string | null };
  let control: FastifyInstance | null = null;
  const probes = new ProbeRegistry();
  // Created before the receiver: it puts a webhook secret set in the wizard into config.secret,
  // which the receiver reads on every delivery.
  const setup = createSetupRoom({
    db,
    config,
    secrets,
    hub,
    events,
    rejections,
    logger,
    receiver: receiverState,
    probes,
    enabledAlertRules: () => Object.entries(context.alerts?.settings().rules ?? {}).filter(([, rule]) => rule.enabled).map(([id]) => id),
    ...(options.setup ? { tuning: options.setup } : {}),
  });
  setup.wireStatus(status);

  queue.onCommit({
    events(results) {
      for (const result of results) {
        if (result.status === 'received') hub.publish({ type: 'event.stored', event: toEventItem(result.event) });
        else hub.publish({ type: 'event.duplicate', id: String(result.id), duplicates: result.duplicates });
      }
      if (results.some((result) => result.status === 'received')) forwarding.wake();
    },
    failed(error) {
      logger.error({ err: error }, 'a batch of deliveries could not be stored');
      context.alerts?.reportIngestError((error as Error).message);
    },
    rejections(items) {
      for (const rejection of items) {
        hub.publish({
          type: 'rejection.recorded',
          rejection: {
            ...rejection,
            id: String(rejection.id),
            receivedAt: new Date(rejection.receivedAt).toISOString(),
            bodySample: rejection.bodySample.toString('utf8'),
          },
        });
      }
    },
  });

  const receiver = createReceiver({
    queue,
    logger,
    getSecret: () => config.secret,
    probes,
    bodyLimit: config.bodyLimit,
    ...(options.receiverRequestTimeoutMs ? { requestTimeoutMs: options.receiverRequestTimeoutMs } : {}),
  });

  function status(): AppStatus {
    const last = events.lastReceivedAt();
    return {
      version: VERSION,
      startedAt,
      dataDir: config.dataDir,
      receiver: {
        ...receiverState,
        webhookPath: WEBHOOK_PATH,
        webhookUrls: reachableAddresses(config.host).map((a) => webhookUrl(a.address, receiverState.port, WEBHOOK_PATH)),
        secretConfigured: config.secret !== null,
        bodyLimit: config.bodyLimit,
      },
      lastEventAt: last === null ? null : new Date(last).toISOString(),
    };
  }

  const context: ControlContext = {
    db,
    events,
    rejections,
    hub,
    status,
    health: composeHealth(createBasicChecks({
      db,
      dataDir: config.dataDir,
      receiver: receiverState,
      get secretConfigured() {
        return config.secret !== null;
      },
      lastReceivedAt: () => events.lastReceivedAt(),
    }), createReachabilityChecks(setup, db)),
  };
  // Alerts run from before the receiver binds, so a port that cannot be bound is an alert too.
  context.alerts = createAlertsRoom({ db, hub, logger, health: context.health, getEvent: (id) => events.get(id) });

  async function listen(server: FastifyInstance, host: string, port: number, role: ListenFailure['role']): Promise<number> {
    try {
      await server.listen({ host, port });
    } catch (error) {
      throw await listenError(error, role, host, port);
    }
    const address = server.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  return {
    config,
    hub,
    context,
    forwarding,
    setup,
    status,
    async start() {
      context.alerts?.start();
      try {
        receiverState.port = await listen(receiver, config.host, config.port, 'receiver');
        receiverState.listening = true;
      } catch (error) {
        receiverState.error = (error as Error).message;
        hub.publish({ type: 'status.changed', status: status() });
        throw error;
      }
      control = await createControlServer({ token: config.controlToken, logger, context, dashboardDir, version: VERSION, plugins: [statsRoutes, alertRoutes, ...controlPlugins, forwardRoutes(forwarding), setupRoutes(setup)] });
      config.controlPort = await listen(control, '127.0.0.1', config.controlPort, 'control');
      logger.info({ host: config.host, port: receiverState.port, controlPort: config.controlPort, dataDir: config.dataDir }, 'FarmHook started');
      hub.publish({ type: 'status.changed', status: status() });
      // Jobs left pending or retrying by the last run go out at their due time.
      forwarding.start();
      // Records this run (for downtime gaps) and brings a configured tunnel back up.
      setup.start();
    },
    async stop() {
      // The tunnel and the run record go first, while the database is still open.
      await setup.stop();
      // Then order matters: stop taking deliveries and let those in flight reach the queue, commit
      // what the queue holds, then close the database. (A Fastify instance whose listen() failed
      // never settles close(): only close what listens.)
      if (receiverState.listening) await receiver.close();
      receiverState.listening = false;
      await queue.close();
      await search.close();
      await forwarding.stop();
      await context.alerts?.stop();
      await control?.close();
      db.close();
      logger.info('FarmHook stopped');
    },
    dashboardUrl() {
      return `http://127.0.0.1:${config.controlPort}/#token=${encodeURIComponent(config.controlToken)}`;
    },
  };
}
