// Step 4: SimplyPrint's test event, asked for through the API (or by the technician in the panel),
// waited for visibly, and on a timeout the diagnosis instead of a generic error.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestWaitResult } from '../../../../src/shared/setup.js';
import { useApi } from '../../api/ApiContext.js';
import { useNow } from '../../components/useNow.js';
import { useFormat } from '../../format/useFormat.js';
import { ActionError } from './SimplyPrintProblem.js';
import { StepNav } from './StepNav.js';
import { canTriggerTest, previousStep, STEPS, stepIndex } from './steps.js';
import { curlForTest, fixStepOf, manualWaitSince, WAIT_MS, waitForTest } from './testWait.js';
import { useAction } from './useAction.js';
import type { Wizard } from './useWizard.js';

/** When this window last showed a test result: it outlives the step, which unmounts when left. */
let lastResultShownAt = 0;

type Phase = { kind: 'idle' } | { kind: 'waiting'; startedAt: number; totalMs: number } | { kind: 'result'; result: TestWaitResult; waitedMs: number; at: number };

export function TestStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const automatic = canTriggerTest(wizard.choices.simplyprintPath, wizard.settings);
  const lanOnly = wizard.settings.reachability.mode === 'lan_only';
  // A press on the panel's Test button counts from the moment these instructions appeared.
  const shownAt = useRef(manualWaitSince(Date.now(), lastResultShownAt));
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const cancelled = useRef(false);
  useEffect(() => {
    cancelled.current = false;
    return () => {
      cancelled.current = true;
    };
  }, []);

  const run = useAction(async () => {
    const since = automatic ? (await api.triggerTestDelivery()).since : shownAt.current;
    const totalMs = automatic ? WAIT_MS.automatic : WAIT_MS.manual;
    const startedAt = Date.now();
    setPhase({ kind: 'waiting', startedAt, totalMs });
    const result = await waitForTest((q) => api.waitForTestDelivery(q), since, totalMs, () => cancelled.current);
    if (cancelled.current || !result) return;
    // A second try, here or after a visit to another step, must not find this try's refusal again.
    lastResultShownAt = Date.now();
    shownAt.current = new Date(lastResultShownAt).toISOString();
    setPhase({ kind: 'result', result, waitedMs: Date.now() - startedAt, at: Date.now() });
    if (result.outcome === 'arrived') await api.updateWizardState({ step: 'done', completed: true });
  });

  const arrived = phase.kind === 'result' && phase.result.outcome === 'arrived';
  return (
    <section className="wizard-panel" aria-labelledby="step-title" data-testid="step-test">
      <h2 id="step-title" tabIndex={-1}>{t('setup.test.title')}</h2>
      <p className="muted">{t('setup.test.intro')}</p>

      {!automatic && !arrived ? (
        lanOnly ? (
          <div className="wizard-block">
            <p>{t('setup.test.sendLocal')}</p>
            <pre className="code" tabIndex={0}>
              {curlForTest(wizard.settings.receiver.lanUrls[0] ?? `http://127.0.0.1:${wizard.settings.receiver.port}${wizard.settings.receiver.webhookPath}`, wizard.secret ?? (wizard.settings.receiver.secretSet ? '<secret>' : null))}
            </pre>
          </div>
        ) : (
          <p className="wizard-block">{t('setup.test.sendManual')}</p>
        )
      ) : null}

      {phase.kind !== 'waiting' && !arrived ? (
        <div className="wizard-row">
          <button type="button" className="btn btn-primary" onClick={() => void run.run()} disabled={run.busy} data-testid="send-test">
            {phase.kind === 'result' ? t('setup.test.tryAgain') : automatic ? t('setup.test.sendAuto') : t('setup.test.startWaiting')}
          </button>
        </div>
      ) : null}

      <div aria-live="polite">
        {phase.kind === 'waiting' ? <Waiting startedAt={phase.startedAt} totalMs={phase.totalMs} /> : null}
        {phase.kind === 'result' && arrived ? (
          <div className="test-arrived" data-testid="test-arrived">
            <p className="probe-result probe-ok">
              <strong>{t('setup.test.arrived', { time: f.dateTime(phase.at) })}</strong>
            </p>
            <p>{t('setup.test.arrivedHint')}</p>
            <div className="wizard-row">
              {phase.result.eventId ? (
                <a className="btn" href="#/events">
                  {t('setup.test.openEvent')}
                </a>
              ) : null}
              <button type="button" className="btn btn-primary" onClick={() => void wizard.goTo('done', { completed: true })} data-testid="wizard-finish">
                {t('setup.test.finish')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
      {phase.kind === 'result' && !arrived ? <Diagnosis result={phase.result} waitedMs={phase.waitedMs} onGo={(step) => void wizard.goTo(step)} /> : null}
      {run.error ? <ActionError error={run.error} companyId={wizard.settings.simplyprint.companyId} /> : null}

      {arrived ? null : <StepNav onBack={() => void wizard.goTo(previousStep('test')!)} />}
    </section>
  );
}

function Waiting({ startedAt, totalMs }: { startedAt: number; totalMs: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const elapsed = Math.min(totalMs, Math.max(0, now - startedAt));
  const seconds = Math.floor(elapsed / 1000);
  return (
    <div className="test-waiting" data-testid="test-waiting" role="status">
      <span className="spinner" aria-hidden="true" />
      <div className="test-waiting-text">
        <p>
          <strong>{t('setup.test.waiting', { seconds })}</strong>
        </p>
        <p className="small muted">{t('setup.test.waitingHint')}</p>
        <div className="wait-bar" role="progressbar" aria-valuemin={0} aria-valuemax={Math.round(totalMs / 1000)} aria-valuenow={seconds} aria-label={t('setup.test.waitingLabel')}>
          <span style={{ width: `${(elapsed / totalMs) * 100}%` }} />
        </div>
      </div>
    </div>
  );
}

function Diagnosis({ result, waitedMs, onGo }: { result: TestWaitResult; waitedMs: number; onGo: (step: (typeof STEPS)[number]) => void }) {
  const { t } = useTranslation();
  const fix = fixStepOf(result.outcome);
  return (
    <div className="diagnosis" role="alert" data-testid="test-diagnosis" data-outcome={result.outcome}>
      {result.outcome === 'nothing' ? <p className="diagnosis-head">{t('setup.test.timeout', { seconds: Math.round(waitedMs / 1000) })}</p> : null}
      <h3>{t('setup.test.diagnosis')}</h3>
      <p>{t(`setup.test.diagnose.${result.outcome}`, { path: result.path ?? '' })}</p>
      {result.outcome === 'refused_other' && result.message ? <p className="small muted">{result.message}</p> : null}
      {result.diagnosis.length > 0 ? (
        <ul className="diagnosis-findings">
          {result.diagnosis.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <div className="wizard-row">
        {fix ? (
          <button type="button" className="btn" onClick={() => onGo(fix)}>
            {t('setup.test.goStep', { n: stepIndex(fix) + 1 })}
          </button>
        ) : null}
        {result.rejectionId ? (
          <a className="btn" href="#/rejections">
            {t('setup.test.openRejections')}
          </a>
        ) : null}
      </div>
    </div>
  );
}
