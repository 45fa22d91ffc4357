// The four steps as an ordered list: done steps and the current one can be revisited; later steps
// open only through Continue.
import { useTranslation } from 'react-i18next';
import type { WizardStep } from '../../../../src/shared/setup.js';
import { canVisit, STEPS, stepIndex, type StepId } from './steps.js';

export function WizardProgress({ current, furthest, onGo }: { current: WizardStep; furthest: WizardStep; onGo: (step: StepId) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('setup.progress')}>
      <ol className="wizard-progress">
        {STEPS.map((step, i) => {
          const isCurrent = step === current;
          const done = stepIndex(step) < stepIndex(current) || (stepIndex(step) < stepIndex(furthest) && !isCurrent);
          const state = isCurrent ? 'current' : done ? 'done' : 'todo';
          return (
            <li key={step} className={`wizard-step wizard-step-${state}`} data-step={step}>
              <button type="button" onClick={() => onGo(step)} disabled={!canVisit(step, current, furthest) || isCurrent} aria-current={isCurrent ? 'step' : undefined}>
                <span className="wizard-step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="wizard-step-name">{t(`setup.steps.${step}`)}</span>
                <span className="visually-hidden">{done ? t('setup.done') : isCurrent ? '' : t('setup.notDone')}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
