// The AppApi contract: one typed method per operation the dashboard (or any local tool) can ask of
// the core. The HTTP client (browser / headless) and the IPC client (Electron) both implement it, and
// the control server and the IPC dispatcher both serve it, so the renderer never knows which it has.
import type { PushEvent } from './push.js';
import type {
  AppStatus,
  EventDetail,
  EventPage,
  EventQuery,
  HealthReport,
  PageQuery,
  RejectionPage,
  StatsSummary,
} from './schemas.js';

export interface AppApi {
  status(): Promise<AppStatus>;
  listEvents(query: EventQuery): Promise<EventPage>;
  getEvent(id: string): Promise<EventDetail>;
  statsSummary(): Promise<StatsSummary>;
  listRejections(query: PageQuery): Promise<RejectionPage>;
  health(): Promise<HealthReport>;
  /** Live pushes; returns the function that unsubscribes. */
  subscribe(listener: (push: PushEvent) => void): () => void;
}

/** Errors cross both transports as `{error, message}`; clients throw this. */
export class AppApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AppApiError';
  }
}
