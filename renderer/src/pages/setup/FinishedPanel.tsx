// The wizard's end, and what a finished wizard shows when opened again from the menu.
import { useTranslation } from 'react-i18next';
import type { Wizard } from './useWizard.js';

export function FinishedPanel({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const url = wizard.settings.reachability.mode === 'lan_only' ? (wizard.settings.receiver.lanUrls[0] ?? null) : wizard.settings.publicWebhookUrl;
  return (
    <section className="wizard-panel wizard-finished" aria-labelledby="step-title" data-testid="step-done">
      <h2 id="step-title" tabIndex={-1}>{t('setup.test.finished')}</h2>
      <p>{t('setup.test.finishedHint')}</p>
      {url ? (
        <p className="small">
          <span className="muted">{t('setup.reachability.webhookUrl')}:</span> <code className="mono">{url}</code>
        </p>
      ) : null}
      <div className="wizard-row">
        <a className="btn btn-primary" href="#/overview" data-testid="wizard-to-overview">
          {t('setup.test.toOverview')}
        </a>
        <button type="button" className="btn" onClick={() => void wizard.goTo('receiver')} data-testid="wizard-restart">
          {t('setup.restart')}
        </button>
      </div>
    </section>
  );
}
