// Alert settings: defaults, and the merge of a stored or requested change onto them. Pure, so a
// setting stored by an older version (a rule it did not know) still yields a complete object.
import {
  ALERT_RULE_IDS,
  ALERT_RULES,
  ALERT_SEVERITIES,
  type AlertRuleId,
  type AlertSettings,
  type AlertSettingsUpdate,
  type RuleSetting,
} from '../shared/alerts.js';

export const DEFAULT_NO_DELIVERY_HOURS = 6;

export function defaultAlertSettings(): AlertSettings {
  return {
    rules: Object.fromEntries(ALERT_RULES.map((rule) => [rule.id, { enabled: rule.enabled, severity: rule.severity }])) as Record<
      AlertRuleId,
      RuleSetting
    >,
    noDeliveryHours: DEFAULT_NO_DELIVERY_HOURS,
    wrongSecretThreshold: 5,
    wrongSecretWindowMinutes: 15,
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
    pausedUntil: null,
  };
}

const isSeverity = (value: unknown): value is RuleSetting['severity'] => (ALERT_SEVERITIES as readonly unknown[]).includes(value);

/** Applies an update (already schema-checked when it came from a caller) onto `base`. */
export function applySettingsUpdate(base: AlertSettings, update: AlertSettingsUpdate): AlertSettings {
  const rules = { ...base.rules };
  for (const id of ALERT_RULE_IDS) {
    const change = update.rules?.[id];
    if (!change) continue;
    rules[id] = {
      enabled: typeof change.enabled === 'boolean' ? change.enabled : rules[id].enabled,
      severity: isSeverity(change.severity) ? change.severity : rules[id].severity,
    };
  }
  return {
    ...base,
    rules,
    noDeliveryHours: update.noDeliveryHours ?? base.noDeliveryHours,
    wrongSecretThreshold: update.wrongSecretThreshold ?? base.wrongSecretThreshold,
    wrongSecretWindowMinutes: update.wrongSecretWindowMinutes ?? base.wrongSecretWindowMinutes,
    quietHours: { ...base.quietHours, ...(update.quietHours ?? {}) },
  };
}

/** Settings as stored (possibly by another version, possibly hand-edited) onto today's defaults. */
export function settingsFromStored(stored: unknown): AlertSettings {
  const defaults = defaultAlertSettings();
  if (!stored || typeof stored !== 'object') return defaults;
  const value = stored as Partial<AlertSettings>;
  const merged = applySettingsUpdate(defaults, {
    ...(value.rules && typeof value.rules === 'object' ? { rules: value.rules } : {}),
    ...(typeof value.noDeliveryHours === 'number' && value.noDeliveryHours > 0 ? { noDeliveryHours: value.noDeliveryHours } : {}),
    ...(Number.isInteger(value.wrongSecretThreshold) && value.wrongSecretThreshold! > 0 ? { wrongSecretThreshold: value.wrongSecretThreshold } : {}),
    ...(Number.isInteger(value.wrongSecretWindowMinutes) && value.wrongSecretWindowMinutes! > 0
      ? { wrongSecretWindowMinutes: value.wrongSecretWindowMinutes }
      : {}),
    ...(value.quietHours && typeof value.quietHours === 'object' ? { quietHours: sanitiseQuietHours(value.quietHours) } : {}),
  });
  return { ...merged, pausedUntil: typeof value.pausedUntil === 'string' && !Number.isNaN(Date.parse(value.pausedUntil)) ? value.pausedUntil : null };
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function sanitiseQuietHours(value: Partial<AlertSettings['quietHours']>): Partial<AlertSettings['quietHours']> {
  return {
    ...(typeof value.enabled === 'boolean' ? { enabled: value.enabled } : {}),
    ...(typeof value.start === 'string' && TIME.test(value.start) ? { start: value.start } : {}),
    ...(typeof value.end === 'string' && TIME.test(value.end) ? { end: value.end } : {}),
  };
}
