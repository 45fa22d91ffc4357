// What the core pushes to the dashboard as it happens (SSE over HTTP, an IPC channel in Electron).
import type { Alert, AlertChangeKind, AlertSettings } from './alerts.js';
import type { AppStatus, EventItem, RejectionItem } from './schemas.js';
import type { TunnelStatus } from './setup.js';

export type PushEvent =
  | { type: 'event.stored'; event: EventItem }
  | { type: 'event.duplicate'; id: string; duplicates: number }
  | { type: 'rejection.recorded'; rejection: RejectionItem }
  | { type: 'status.changed'; status: AppStatus }
  /** `notify`: worth a notification (quiet hours and pauses are applied by whoever notifies). */
  | { type: 'alert.changed'; change: AlertChangeKind; alert: Alert; notify: boolean }
  | { type: 'alerts.settings_changed'; settings: AlertSettings }
  /** The tunnel's state or URL changed (see src/health/tunnels/). */
  | { type: 'tunnel.changed'; status: TunnelStatus }
  /** A forward attempt was logged or a destination changed state: the Forwarding page re-reads. */
  | { type: 'forward.changed'; destinationId: string };

export type PushType = PushEvent['type'];
