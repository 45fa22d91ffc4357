// What the control API's route plugins are given. Each room registers its routes as a Fastify plugin
// under the authenticated `/api/v1` prefix, e.g. `app.register(statsRoutes, ctx)`.
import type { AlertsRoom } from '../alerts/room.js';
import type { AppStatus, HealthReport } from '../shared/schemas.js';
import type { PushHub } from '../push-hub.js';
import type { Db } from '../store/database.js';
import type { EventReader } from '../store/event-reader.js';
import type { createRejectionReader } from '../store/rejection-reader.js';

export interface ControlContext {
  /** The open database (WAL: reads here never block the ingest writer for long). */
  db: Db;
  events: EventReader;
  rejections: ReturnType<typeof createRejectionReader>;
  hub: PushHub;
  status(): AppStatus;
  health(): Promise<HealthReport>;
  /** The alerts room, when the app composes one in (see src/alerts/room.ts). */
  alerts?: AlertsRoom;
}
