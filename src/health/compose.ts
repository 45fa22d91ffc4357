// One health report from several rooms' checks (the lead's basic checks, the reachability checks):
// each source runs on its own, and one that throws shows as an "unknown" check instead of hiding
// the others.
import { healthMessage } from '../shared/health-messages.js';
import type { HealthCheck, HealthReport } from '../shared/schemas.js';
import { overallStatus } from './basic-checks.js';
import { buildCheck } from './check.js';

type Source = () => Promise<HealthReport | HealthCheck[]>;

export function composeHealth(...sources: Source[]): () => Promise<HealthReport> {
  return async () => {
    const parts = await Promise.all(
      sources.map(async (source, index): Promise<HealthCheck[]> => {
        try {
          const result = await source();
          return Array.isArray(result) ? result : result.checks;
        } catch (error) {
          return [buildCheck(`health.source${index}`, 'Health checks', 'unknown', healthMessage('health.source_failed', { error: (error as Error).message }), null)];
        }
      }),
    );
    const checks = parts.flat();
    return { status: overallStatus(checks), checks };
  };
}
