// The wizard's route: four steps in order, where a saved state resumes, which steps the technician
// may jump to, and when each step has what it needs to continue. Pure, so it is tested without a UI.
import type { ProbeResult, ReachabilityMode, SetupSettings, WebhookCheck, WizardState, WizardStep } from '../../../../src/shared/setup.js';

export const STEPS = ['receiver', 'reachability', 'simplyprint', 'test'] as const satisfies readonly WizardStep[];
export type StepId = (typeof STEPS)[number];

export const stepIndex = (step: WizardStep): number => (step === 'done' ? STEPS.length : STEPS.indexOf(step));

export function nextStep(step: StepId): WizardStep {
  return STEPS[stepIndex(step) + 1] ?? 'done';
}

export function previousStep(step: StepId): StepId | null {
  return STEPS[stepIndex(step) - 1] ?? null;
}

/**
 * Where to open the wizard. A saved state resumes at its step; a finished wizard opened again (from
 * the menu) shows its summary, from which the technician starts over.
 */
export function resumeStep(state: Pick<WizardState, 'step' | 'completed'> | undefined): WizardStep {
  if (!state) return 'receiver';
  if (state.completed && state.step === 'done') return 'done';
  return state.step === 'done' ? 'test' : state.step;
}

/** Steps up to the furthest one reached can be revisited; later ones wait for Continue. */
export function canVisit(target: StepId, current: WizardStep, furthest: WizardStep): boolean {
  return stepIndex(target) <= Math.max(stepIndex(current), stepIndex(furthest));
}

/** The first-run wizard: nothing ever arrived and the wizard was never finished. */
export function isFirstRun(lastEventAt: string | null, wizard: Pick<WizardState, 'completed'>): boolean {
  return lastEventAt === null && !wizard.completed;
}

export const isValidPort = (text: string): boolean => /^\d{1,5}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 65535;

export function receiverReady(port: string, settings: Pick<SetupSettings, 'receiver'>): boolean {
  return isValidPort(port) && settings.receiver.secretSet;
}

export type ReachabilityVerdict = 'choose' | 'need_url' | 'check' | 'ready';

/**
 * A way in must be chosen and, except for "LAN only", lead to a public URL. An unchecked or failed
 * public URL may still be accepted ("continue anyway"): the probe can fail for reasons that do not
 * stop SimplyPrint (a router without NAT loopback), and the test step will tell.
 */
export function reachabilityVerdict(mode: ReachabilityMode | null | undefined, publicWebhookUrl: string | null, probe: ProbeResult | null): ReachabilityVerdict {
  if (!mode) return 'choose';
  if (mode === 'lan_only') return 'ready';
  if (!publicWebhookUrl) return 'need_url';
  // The step clears its probe whenever the address changes, so a passed probe is about this URL.
  return probe?.ok ? 'ready' : 'check';
}

export type SimplyPrintPath = 'automatic' | 'manual';

/** Automatic: SimplyPrint's webhook points here and is on. Manual: the technician says it is saved. */
export function simplyprintReady(path: SimplyPrintPath, check: WebhookCheck | null, manualConfirmed: boolean): boolean {
  if (path === 'manual') return manualConfirmed;
  return !!check && check.exists && check.urlMatches && check.enabled;
}

/** The automatic test needs the API (a key and a webhook FarmHook made); otherwise the panel's Test button. */
export function canTriggerTest(path: SimplyPrintPath | undefined, settings: Pick<SetupSettings, 'simplyprint' | 'reachability'>): boolean {
  return path !== 'manual' && settings.reachability.mode !== 'lan_only' && settings.simplyprint.apiKeySet && settings.simplyprint.webhookId !== null;
}
