// Fan-out of push events (an event committed, a delivery refused, the status changed) to whoever
// listens: SSE clients of the control API, the Electron window, alert rules, the forward worker.
import type { PushEvent } from './shared/push.js';

export type PushListener = (push: PushEvent) => void;

export class PushHub {
  private readonly listeners = new Set<PushListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(push: PushEvent): void {
    for (const listener of this.listeners) {
      // One failing listener must not keep the others (or the ingest path) from hearing about it.
      try {
        listener(push);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
