// A minimal Server-Sent Events reader for tests: collects pushes and waits for one that matches.
import type { PushEvent } from '../../src/shared/push.js';
import { waitFor } from './wait.js';

export async function readSse(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const received: PushEvent[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data: '));
          if (data) received.push(JSON.parse(data.slice(6)) as PushEvent);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  let taken = 0;
  return {
    received,
    /** The next push (after those already returned) that matches. */
    async next(match: (push: PushEvent) => boolean): Promise<PushEvent> {
      const found = await waitFor(() => received.slice(taken).find(match), 'a matching push');
      taken = received.indexOf(found) + 1;
      return found;
    },
    close: () => controller.abort(),
  };
}
