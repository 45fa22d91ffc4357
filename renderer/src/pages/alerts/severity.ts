import type { AlertRuleId, AlertSeverity } from '../../../../src/shared/alerts.js';
import type { Tone } from '../../components/Kpi.js';

export const SEVERITY_TONE: Record<AlertSeverity, Tone> = { info: 'info', warning: 'warn', critical: 'bad' };

/** Translation key of a rule's name (`job.failed` → `alerts.rule.job_failed`). */
export const ruleKey = (rule: AlertRuleId) => `alerts.rule.${rule.replace(/\./g, '_')}`;
