// One health report from several rooms' checks (the lead's basic checks, the reachability checks):
// each source runs on its own, and one that throws shows as an "unknown" check instead of hiding
// the others.
import type { HealthCheck, HealthReport } from '../shared/schemas.js';
import { overallStatus } from './basic-checks.js';

type Source = () => Promise<HealthReport | HealthCheck[]>;

export function composeHealth(...sources: Source[]): () => Promise<HealthReport> {
  return async () => {
    const parts = await Promise.all(
      sources.map(async (source, index): Promise<HealthCheck[]> => {
        try {
          const result = await source();
          return Array.isArray(result) ? result : result.checks;
        } catch (error) {
          return [{ id: `health.source${index}`, title: 'Health checks', status: 'unknown', finding: `Some checks could not run: ${(error as Error).message}`, action: null, checkedAt: new Date().toISOString() }];
        }
      }),
    );
    const checks = parts.flat();
    return { status: overallStatus(checks), checks };
  };
}
