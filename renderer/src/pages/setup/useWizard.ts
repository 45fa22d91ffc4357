// The wizard's shared state: the saved settings, where the technician is, and the choices made.
// Every move and choice is saved on the server at once, so closing the page (or the app) halfway
// and coming back resumes at the same step with the same choices.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SetupSettings, WizardState, WizardStep } from '../../../../src/shared/setup.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { usePush } from '../../api/usePush.js';
import { resumeStep, stepIndex } from './steps.js';

export type Choices = WizardState['choices'];

export interface Wizard {
  settings: SetupSettings;
  setSettings: (settings: SetupSettings) => void;
  choices: Choices;
  saveChoices: (change: Partial<Choices>) => Promise<void>;
  step: WizardStep;
  /** The furthest step reached, so earlier steps can be revisited without losing the way back. */
  furthest: WizardStep;
  /** True when this visit continues a wizard left halfway. */
  resumed: boolean;
  goTo: (step: WizardStep, extra?: { completed?: boolean }) => Promise<void>;
  /** A secret generated in this visit: the server shows it once, the manual step needs it again. */
  secret: string | null;
  setSecret: (secret: string | null) => void;
}

export function useWizard(): { wizard: Wizard | undefined; error: Error | undefined; reload: () => void } {
  const api = useApi();
  const loaded = useAsync(() => Promise.all([api.setupSettings(), api.wizardState()]), [api]);
  const [settings, setSettings] = useState<SetupSettings>();
  const [state, setState] = useState<WizardState>();
  const [step, setStep] = useState<WizardStep>('receiver');
  const [furthest, setFurthest] = useState<WizardStep>('receiver');
  const [resumed, setResumed] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  // Choices saved in quick succession build on each other, not on a stale render's copy.
  const choicesRef = useRef<Choices>({});

  useEffect(() => {
    if (!loaded.data || settings) return;
    const [s, w] = loaded.data;
    const start = resumeStep(w);
    setSettings(s);
    setState(w);
    choicesRef.current = w.choices;
    setStep(start);
    setFurthest(start);
    setResumed(w.updatedAt !== null && start !== 'receiver' && start !== 'done');
  }, [loaded.data, settings]);

  // The receiver restarted, moved or stopped: show what it is doing now (listening, restart needed).
  usePush((push) => {
    if (push.type === 'status.changed' && settings) void api.setupSettings().then(setSettings, () => undefined);
  });

  const saveChoices = useCallback(
    async (change: Partial<Choices>) => {
      const choices = { ...choicesRef.current, ...change };
      choicesRef.current = choices;
      setState((s) => (s ? { ...s, choices } : s));
      await api.updateWizardState({ choices });
    },
    [api],
  );

  const goTo = useCallback(
    async (next: WizardStep, extra: { completed?: boolean } = {}) => {
      setStep(next);
      setFurthest((f) => (stepIndex(next) > stepIndex(f) ? next : f));
      setResumed(false);
      setState((s) => (s ? { ...s, step: next, completed: extra.completed ?? s.completed } : s));
      await api.updateWizardState({ step: next, ...extra });
    },
    [api],
  );

  const wizard =
    settings && state
      ? { settings, setSettings, choices: state.choices, saveChoices, step, furthest, resumed, goTo, secret, setSecret }
      : undefined;
  return { wizard, error: loaded.error, reload: loaded.reload };
}
