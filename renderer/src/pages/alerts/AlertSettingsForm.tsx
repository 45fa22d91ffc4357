// The alert rules (each on/off with its severity), the silence threshold, the wrong-secret
// threshold and quiet hours. Saved together; only the rules' switches take effect at once in the
// engine, quiet hours and the pause only hold notifications back (the record is always kept).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_RULES, ALERT_SEVERITIES, type AlertSettings, type AlertSettingsUpdate, type AlertSeverity } from '../../../../src/shared/alerts.js';
import { ruleKey } from './severity.js';

type Draft = {
  rules: AlertSettings['rules'];
  noDeliveryHours: string;
  wrongSecretThreshold: string;
  wrongSecretWindowMinutes: string;
  quietHours: AlertSettings['quietHours'];
};

const toDraft = (s: AlertSettings): Draft => ({
  rules: s.rules,
  noDeliveryHours: String(s.noDeliveryHours),
  wrongSecretThreshold: String(s.wrongSecretThreshold),
  wrongSecretWindowMinutes: String(s.wrongSecretWindowMinutes),
  quietHours: s.quietHours,
});

function inRange(text: string, min: number, max: number, integer: boolean): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) return null;
  return value;
}

export function AlertSettingsForm({ settings, onSave }: { settings: AlertSettings; onSave: (update: AlertSettingsUpdate) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  // Changes made elsewhere show up unless the operator is in the middle of an edit.
  useEffect(() => {
    if (!dirty) setDraft(toDraft(settings));
  }, [settings, dirty]);

  const change = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setDirty(true);
    setState({ kind: 'idle' });
  };
  const setRule = (rule: keyof Draft['rules'], value: Partial<{ enabled: boolean; severity: AlertSeverity }>) =>
    change({ rules: { ...draft.rules, [rule]: { ...draft.rules[rule], ...value } } });

  const hours = inRange(draft.noDeliveryHours, 0.25, 168, false);
  const threshold = inRange(draft.wrongSecretThreshold, 1, 10_000, true);
  const windowMinutes = inRange(draft.wrongSecretWindowMinutes, 1, 1440, true);
  const valid = hours !== null && threshold !== null && windowMinutes !== null;

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    setState({ kind: 'saving' });
    onSave({ rules: draft.rules, noDeliveryHours: hours, wrongSecretThreshold: threshold, wrongSecretWindowMinutes: windowMinutes, quietHours: draft.quietHours }).then(
      () => {
        setDirty(false);
        setState({ kind: 'saved' });
      },
      (err: unknown) => setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  };

  return (
    <form className="alert-settings" onSubmit={save} data-testid="alert-settings" noValidate>
      <div className="table-wrap">
        <table className="table rule-table">
          <caption className="visually-hidden">{t('alerts.settings.rules')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.settings.rule')}</th>
              <th scope="col">{t('alerts.settings.on')}</th>
              <th scope="col">{t('alerts.settings.severity')}</th>
            </tr>
          </thead>
          <tbody>
            {ALERT_RULES.map((rule) => {
              const name = t(ruleKey(rule.id));
              const value = draft.rules[rule.id];
              return (
                <tr key={rule.id} data-rule={rule.id}>
                  <th scope="row">{name}</th>
                  <td>
                    <input type="checkbox" checked={value.enabled} onChange={(e) => setRule(rule.id, { enabled: e.target.checked })} aria-label={t('alerts.settings.enabledNamed', { name })} />
                  </td>
                  <td>
                    <select value={value.severity} onChange={(e) => setRule(rule.id, { severity: e.target.value as AlertSeverity })} aria-label={t('alerts.settings.severityNamed', { name })} disabled={!value.enabled}>
                      {ALERT_SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {t(`alerts.severity.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="settings-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-hours`}>
            {t('alerts.settings.noDeliveryHours')}
          </label>
          <input id={`${id}-hours`} type="number" min={0.25} max={168} step={0.25} value={draft.noDeliveryHours} onChange={(e) => change({ noDeliveryHours: e.target.value })} aria-invalid={hours === null} aria-describedby={`${id}-hours-note`} data-testid="alerts-silence-hours" />
          <span id={`${id}-hours-note`} className={hours === null ? 'error-line small' : 'muted small'}>
            {hours === null ? t('alerts.settings.hoursInvalid') : t('alerts.settings.noDeliveryHint')}
          </span>
        </div>
        <label className="field">
          <span className="field-label">{t('alerts.settings.wrongSecretThreshold')}</span>
          <input type="number" min={1} max={10000} step={1} value={draft.wrongSecretThreshold} onChange={(e) => change({ wrongSecretThreshold: e.target.value })} aria-invalid={threshold === null} />
        </label>
        <label className="field">
          <span className="field-label">{t('alerts.settings.wrongSecretWindow')}</span>
          <input type="number" min={1} max={1440} step={1} value={draft.wrongSecretWindowMinutes} onChange={(e) => change({ wrongSecretWindowMinutes: e.target.value })} aria-invalid={windowMinutes === null} />
        </label>
      </div>

      <fieldset className="quiet-hours">
        <legend>{t('alerts.settings.quietHours')}</legend>
        <label className="field-inline">
          <input type="checkbox" checked={draft.quietHours.enabled} onChange={(e) => change({ quietHours: { ...draft.quietHours, enabled: e.target.checked } })} />
          {t('alerts.settings.quietEnabled')}
        </label>
        <label className="field">
          <span className="field-label">{t('alerts.settings.quietFrom')}</span>
          <input type="time" value={draft.quietHours.start} required onChange={(e) => e.target.value && change({ quietHours: { ...draft.quietHours, start: e.target.value } })} disabled={!draft.quietHours.enabled} />
        </label>
        <label className="field">
          <span className="field-label">{t('alerts.settings.quietTo')}</span>
          <input type="time" value={draft.quietHours.end} required onChange={(e) => e.target.value && change({ quietHours: { ...draft.quietHours, end: e.target.value } })} disabled={!draft.quietHours.enabled} />
        </label>
        <p className="muted small">{t('alerts.settings.quietHint')}</p>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!valid || state.kind === 'saving' || !dirty}>
          {state.kind === 'saving' ? t('alerts.settings.saving') : t('alerts.settings.save')}
        </button>
        <span aria-live="polite" className="small">
          {state.kind === 'saved' ? <span className="muted">{t('alerts.settings.saved')}</span> : null}
          {state.kind === 'error' ? <span className="error-line">{state.message}</span> : null}
        </span>
      </div>
    </form>
  );
}
