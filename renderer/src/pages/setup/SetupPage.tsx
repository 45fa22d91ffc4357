// The setup wizard: four steps from "installed" to "SimplyPrint's test event arrived". Opens by
// itself on first run and from Setup in the menu; resumes where it was left.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { FinishedPanel } from './FinishedPanel.js';
import { ReachabilityStep } from './ReachabilityStep.js';
import { ReceiverStep } from './ReceiverStep.js';
import { SimplyPrintStep } from './SimplyPrintStep.js';
import { STEPS, stepIndex } from './steps.js';
import { TestStep } from './TestStep.js';
import { useWizard } from './useWizard.js';
import { WizardProgress } from './WizardProgress.js';

const STEP_COMPONENTS = { receiver: ReceiverStep, reachability: ReachabilityStep, simplyprint: SimplyPrintStep, test: TestStep, done: FinishedPanel } as const;

export function SetupPage() {
  const { t } = useTranslation();
  const { wizard, error, reload } = useWizard();
  const Step = wizard ? STEP_COMPONENTS[wizard.step] : null;
  // After Continue or Back, keyboard and screen-reader users land on the new step's heading.
  const opened = useRef(false);
  const step = wizard?.step;
  useEffect(() => {
    if (!step) return;
    if (opened.current) document.getElementById('step-title')?.focus();
    opened.current = true;
  }, [step]);
  return (
    <div className="page page-setup">
      <PageHeader
        title={t('setup.title')}
        subtitle={t('setup.subtitle')}
        actions={
          wizard && wizard.step !== 'done' ? (
            <a className="btn btn-ghost" href="#/overview" data-testid="wizard-later">
              {t('setup.later')}
            </a>
          ) : undefined
        }
      />
      {error ? <ErrorNote error={error} onRetry={reload} /> : null}
      {wizard && Step ? (
        <div className="wizard" data-step={wizard.step}>
          <WizardProgress current={wizard.step} furthest={wizard.furthest} onGo={(step) => void wizard.goTo(step)} />
          {wizard.step !== 'done' ? (
            <p className="small muted" data-testid="wizard-step-of">
              {t('setup.stepOf', { n: stepIndex(wizard.step) + 1, total: STEPS.length })}
              {wizard.resumed ? ` · ${t('setup.resumed')}` : ''}
            </p>
          ) : null}
          {wizard.settings.receiver.restartRequired ? (
            <p className="warning-line" role="status" data-testid="restart-required">
              {t('setup.receiver.restartNote', { host: wizard.settings.receiver.listeningHost, port: wizard.settings.receiver.listeningPort })}
            </p>
          ) : null}
          <Step key={wizard.step} wizard={wizard} />
        </div>
      ) : !error ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}
