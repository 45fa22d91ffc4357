// What the control API's route plugins are given. Each room registers its routes as a Fastify plugin
// under the authenticated `/api/v1` prefix, e.g. `app.register(statsRoutes, ctx)`.
import type { Db } from '../store/database.js';

export interface ControlContext {
  /** The open database (WAL: reads here never block the ingest writer for long). */
  db: Db;
}
