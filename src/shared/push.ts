// What the core pushes to the dashboard as it happens (SSE over HTTP, an IPC channel in Electron).
import type { AppStatus, EventItem, RejectionItem } from './schemas.js';

export type PushEvent =
  | { type: 'event.stored'; event: EventItem }
  | { type: 'event.duplicate'; id: string; duplicates: number }
  | { type: 'rejection.recorded'; rejection: RejectionItem }
  | { type: 'status.changed'; status: AppStatus };

export type PushType = PushEvent['type'];
