// Step 3: SimplyPrint's webhook, made automatically through its API or by hand in the panel.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutomaticWebhook } from './AutomaticWebhook.js';
import { ManualWebhook } from './ManualWebhook.js';
import { initialSelection, orderedSelection } from './eventChoice.js';
import { ContinueButton, StepNav } from './StepNav.js';
import { nextStep, previousStep, type SimplyPrintPath } from './steps.js';
import { useAction } from './useAction.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import type { Wizard } from './useWizard.js';

export function SimplyPrintStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const lanOnly = wizard.settings.reachability.mode === 'lan_only';
  const path: SimplyPrintPath = lanOnly ? 'manual' : (wizard.choices.simplyprintPath ?? 'automatic');
  const [events, setEvents] = useState(() => initialSelection(wizard.choices.events ?? wizard.settings.simplyprint.events));
  const [ready, setReady] = useState(false);

  const choosePath = useAction(async (next: SimplyPrintPath) => {
    setReady(false);
    await wizard.saveChoices({ simplyprintPath: next });
  });
  const changeEvents = (next: Set<string>) => {
    setEvents(next);
    void wizard.saveChoices({ events: orderedSelection(next) }).catch(() => undefined);
  };
  const proceed = useAction(async () => {
    await wizard.goTo(nextStep('simplyprint'));
  });

  return (
    <section className="wizard-panel" aria-labelledby="step-title" data-testid="step-simplyprint">
      <h2 id="step-title" tabIndex={-1}>{t('setup.simplyprint.title')}</h2>
      <p className="muted">{t('setup.simplyprint.intro')}</p>

      {lanOnly ? (
        <p className="warning-line">{t('setup.simplyprint.lanOnly')}</p>
      ) : (
        <div className="segmented" role="radiogroup" aria-label={t('setup.simplyprint.mode')} data-testid="simplyprint-path">
          {(['automatic', 'manual'] as const).map((id) => (
            <button key={id} type="button" role="radio" aria-checked={path === id} className="segment" onClick={() => void choosePath.run(id)} data-path={id}>
              {id === 'automatic' ? t('setup.simplyprint.auto') : t('setup.simplyprint.manual')}
            </button>
          ))}
        </div>
      )}
      {lanOnly ? null : <p className="small muted">{path === 'automatic' ? t('setup.simplyprint.autoHint') : t('setup.simplyprint.manualHint')}</p>}
      {choosePath.error ? <ErrorNote error={choosePath.error} /> : null}

      {path === 'automatic' ? (
        <AutomaticWebhook key="automatic" wizard={wizard} events={events} onEvents={changeEvents} onReady={setReady} />
      ) : (
        <ManualWebhook key="manual" wizard={wizard} events={events} onEvents={changeEvents} onReady={setReady} lanOnly={lanOnly} />
      )}

      {proceed.error ? <ErrorNote error={proceed.error} /> : null}
      <StepNav onBack={() => void wizard.goTo(previousStep('simplyprint')!)}>
        <ContinueButton onClick={() => void proceed.run()} busy={proceed.busy} disabled={!ready || events.size === 0} />
      </StepNav>
    </section>
  );
}
