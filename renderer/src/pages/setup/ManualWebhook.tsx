// The manual path: the exact URL and secret to copy, the events to tick, and where in SimplyPrint's
// panel to put them. With "LAN only", the same facts serve a sender on the local network.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { CopyField } from './CopyField.js';
import { EventChecklist } from './EventChecklist.js';
import { SecretReveal } from './SecretReveal.js';
import { useAction } from './useAction.js';
import { useUrlWarnings } from './useUrlWarnings.js';
import { UrlWarningList } from './UrlWarningList.js';
import type { Wizard } from './useWizard.js';

interface Props {
  wizard: Wizard;
  events: ReadonlySet<string>;
  onEvents: (next: Set<string>) => void;
  onReady: (ready: boolean) => void;
  lanOnly: boolean;
}

export function ManualWebhook({ wizard, events, onEvents, onReady, lanOnly }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const confirmId = useId();
  const [confirmed, setConfirmed] = useState(lanOnly);
  const receiver = wizard.settings.receiver;
  const url = lanOnly ? (receiver.lanUrls[0] ?? null) : wizard.settings.publicWebhookUrl;
  const warnings = useUrlWarnings(url ?? '', lanOnly);

  useEffect(() => onReady(confirmed), [confirmed, onReady]);

  const generate = useAction(async () => {
    const generated = await api.generateWebhookSecret();
    wizard.setSecret(generated.secret);
    wizard.setSettings({ ...wizard.settings, receiver: generated.receiver });
  });

  return (
    <div className="manual-webhook" data-testid="simplyprint-manual">
      <div className="wizard-block">
        {url ? <CopyField label={t('setup.simplyprint.webhookUrl')} value={url} copyLabel={t('setup.simplyprint.copyUrl')} testId="webhook-url" /> : <p className="warning-line">{t('setup.simplyprint.noUrl')}</p>}
        <UrlWarningList warnings={warnings} />
        <div className="copy-field">
          {wizard.secret ? null : <span className="field-label">{t('setup.simplyprint.secret')}</span>}
          {wizard.secret ? (
            <SecretReveal secret={wizard.secret} label={t('setup.simplyprint.secret')} />
          ) : receiver.secretSet ? (
            <div className="wizard-row">
              <span className="small muted">{t('setup.simplyprint.secretHidden')}</span>
              {receiver.secretSource !== 'config' ? (
                <button type="button" className="btn btn-small" onClick={() => void generate.run()} disabled={generate.busy} data-testid="generate-secret">
                  {t('setup.receiver.regenerate')}
                </button>
              ) : null}
            </div>
          ) : (
            <span className="small muted">{t('setup.simplyprint.secretNone')}</span>
          )}
          {generate.error ? <ErrorNote error={generate.error} /> : null}
        </div>
      </div>

      {lanOnly ? null : (
        <div className="wizard-block">
          <h3>{t('setup.simplyprint.panelSteps')}</h3>
          <ol className="panel-steps">
            <li>{t('setup.simplyprint.panel1')}</li>
            <li>{t('setup.simplyprint.panel2')}</li>
            <li>{t('setup.simplyprint.panel3')}</li>
            <li>{t('setup.simplyprint.panel4')}</li>
            <li>{t('setup.simplyprint.panel5')}</li>
          </ol>
        </div>
      )}

      {lanOnly ? null : <EventChecklist selected={events} onChange={onEvents} />}

      {lanOnly ? null : (
        <label className="check-label confirm" htmlFor={confirmId}>
          <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="manual-confirm" />
          <span>{t('setup.simplyprint.confirmManual')}</span>
        </label>
      )}
    </div>
  );
}
