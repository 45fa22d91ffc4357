// Builds one health check from catalogue messages (src/shared/health-messages.ts): `finding` and
// `action` are their English renderings, as every API and CLI consumer has always read them, and
// `findingMessage` / `actionMessage` carry the key and values so the dashboard can show them in the
// operator's language.
import { englishOf, healthMessage, type HealthMessage } from '../shared/health-messages.js';
import type { CheckStatus, HealthCheck } from '../shared/schemas.js';

export function buildCheck(id: string, title: string, status: CheckStatus, finding: HealthMessage, action: HealthMessage | null, at: number = Date.now()): HealthCheck {
  return {
    id,
    title,
    status,
    finding: englishOf(finding),
    action: action === null ? null : englishOf(action),
    findingMessage: finding,
    actionMessage: action,
    checkedAt: new Date(at).toISOString(),
  };
}

/** Text from outside the catalogue (a system error message, a log line) as a message, unchanged. */
export const textMessage = (text: string): HealthMessage => healthMessage('text', { text });

/** Several messages shown one after another, joined with a space. */
export const listMessage = (items: readonly HealthMessage[]): HealthMessage => healthMessage('list', { items });

/** As listMessage, but null when there are none (an action that is absent rather than empty). */
export const listOrNull = (items: readonly HealthMessage[]): HealthMessage | null => (items.length === 0 ? null : listMessage(items));

/** A message as the value of another's placeholder. */
export const nested = (message: HealthMessage): readonly HealthMessage[] => [message];
