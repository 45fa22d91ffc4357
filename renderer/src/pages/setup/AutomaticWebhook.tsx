// The automatic path: API key and company id, checked with SimplyPrint, then FarmHook's webhook
// created (or updated) with the public URL, the secret and the chosen events, switched on.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimplyPrintValidation, WebhookCheck } from '../../../../src/shared/setup.js';
import { useApi } from '../../api/ApiContext.js';
import { CopyField } from './CopyField.js';
import { EventChecklist } from './EventChecklist.js';
import { orderedSelection } from './eventChoice.js';
import { ActionError, SimplyPrintProblem } from './SimplyPrintProblem.js';
import { simplyprintReady } from './steps.js';
import { useAction } from './useAction.js';
import { useUrlWarnings } from './useUrlWarnings.js';
import { UrlWarningList } from './UrlWarningList.js';
import type { Wizard } from './useWizard.js';

interface Props {
  wizard: Wizard;
  events: ReadonlySet<string>;
  onEvents: (next: Set<string>) => void;
  onReady: (ready: boolean) => void;
}

export function AutomaticWebhook({ wizard, events, onEvents, onReady }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const sp = wizard.settings.simplyprint;
  const [companyId, setCompanyId] = useState(sp.companyId ? String(sp.companyId) : '');
  const [apiKey, setApiKey] = useState('');
  const [validation, setValidation] = useState<SimplyPrintValidation | null>(null);
  const [check, setCheck] = useState<WebhookCheck | null>(null);
  const [saved, setSaved] = useState<'created' | 'updated' | null>(null);
  const url = wizard.settings.publicWebhookUrl;
  const warnings = useUrlWarnings(url ?? '', false);
  const companyOk = /^\d+$/.test(companyId.trim()) && Number(companyId) > 0;
  const keyGiven = apiKey.trim() !== '' || sp.apiKeySet;

  useEffect(() => onReady(simplyprintReady('automatic', check, false)), [check, onReady]);

  // Coming back to this step: show whether the webhook made earlier still points here.
  useEffect(() => {
    if (!sp.apiKeySet || sp.webhookId === null) return;
    let live = true;
    void api.checkSimplyPrintWebhook().then((c) => live && setCheck(c), () => undefined);
    return () => {
      live = false;
    };
  }, [api, sp.apiKeySet, sp.webhookId]);

  /** Stores what was typed (the key only when one was typed: it is write-only). */
  async function storeConnection(): Promise<void> {
    const simplyprint = await api.setSimplyPrintConnection({
      companyId: Number(companyId),
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      events: orderedSelection(events),
    });
    setApiKey('');
    wizard.setSettings({ ...wizard.settings, simplyprint });
  }

  const validate = useAction(async () => {
    setValidation(null);
    await storeConnection();
    setValidation(await api.validateSimplyPrint());
  });

  const apply = useAction(async () => {
    setCheck(null);
    setSaved(null);
    const existed = sp.webhookId !== null;
    await storeConnection();
    const result = await api.saveSimplyPrintWebhook({ events: orderedSelection(events) });
    setCheck(result);
    setSaved(existed ? 'updated' : 'created');
    wizard.setSettings(await api.setupSettings());
  });

  return (
    <div className="auto-webhook" data-testid="simplyprint-automatic">
      <div className="wizard-block">
        {url ? <CopyField label={t('setup.simplyprint.webhookUrl')} value={url} copyLabel={t('setup.simplyprint.copyUrl')} testId="webhook-url" /> : <p className="warning-line">{t('setup.simplyprint.noUrl')}</p>}
        <UrlWarningList warnings={warnings} />
      </div>

      <div className="wizard-block credentials">
        <div className="field field-company">
          <label className="field-label" htmlFor={`${ids}-company`}>
            {t('setup.simplyprint.companyId')}
          </label>
          <input
            id={`${ids}-company`}
            inputMode="numeric"
            value={companyId}
            onChange={(e) => setCompanyId(e.target.value)}
            aria-invalid={companyId !== '' && !companyOk}
            aria-describedby={`${ids}-company-hint`}
            autoComplete="off"
            data-testid="company-id"
          />
          <span id={`${ids}-company-hint`} className="small muted">
            {companyId !== '' && !companyOk ? t('setup.simplyprint.companyIdInvalid') : t('setup.simplyprint.companyIdHint')}
          </span>
        </div>
        <div className="field field-grow">
          <label className="field-label" htmlFor={`${ids}-key`}>
            {t('setup.simplyprint.apiKey')}
          </label>
          <input
            id={`${ids}-key`}
            type="password"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            placeholder={sp.apiKeySet ? '••••••••' : ''}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-key-hint`}
            data-testid="api-key"
          />
          <span id={`${ids}-key-hint`} className="small muted">
            {sp.apiKeySet ? `${t('setup.simplyprint.apiKeySaved')} ` : ''}
            {t('setup.simplyprint.apiKeyHint')}
          </span>
        </div>
        <div className="wizard-row">
          <button type="button" className="btn" onClick={() => void validate.run()} disabled={validate.busy || !companyOk || !keyGiven} data-testid="validate-key">
            {validate.busy ? t('setup.simplyprint.validating') : t('setup.simplyprint.validate')}
          </button>
        </div>
        <div aria-live="polite">
          {validation?.ok ? (
            <p className="probe-result probe-ok" data-testid="key-ok">
              {t('setup.simplyprint.keyOk', { companyId })}
            </p>
          ) : null}
          {validation && !validation.ok ? (
            <SimplyPrintProblem code={validation.error?.code ?? 'other'} message={validation.error?.message ?? validation.message} companyId={Number(companyId) || null} />
          ) : null}
        </div>
        {validate.error ? <ActionError error={validate.error} companyId={Number(companyId) || null} /> : null}
      </div>

      <EventChecklist selected={events} onChange={onEvents} />

      <div className="wizard-block">
        <div className="wizard-row">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void apply.run()}
            disabled={apply.busy || !companyOk || !keyGiven || !url || events.size === 0}
            data-testid="apply-webhook"
          >
            {apply.busy ? t('setup.simplyprint.applying') : sp.webhookId !== null ? t('setup.simplyprint.update') : t('setup.simplyprint.apply')}
          </button>
        </div>
        <div aria-live="polite">
          {check ? <WebhookCheckNote check={check} saved={saved} companyId={Number(companyId) || null} /> : null}
        </div>
        {apply.error ? <ActionError error={apply.error} companyId={Number(companyId) || null} /> : null}
      </div>
    </div>
  );
}

function WebhookCheckNote({ check, saved, companyId }: { check: WebhookCheck; saved: 'created' | 'updated' | null; companyId: number | null }) {
  const { t } = useTranslation();
  const good = check.exists && check.urlMatches && check.enabled;
  // What the check found, in the technician's language (the server's own sentences are English).
  const problems = check.error
    ? []
    : [
        !check.exists ? t('setup.simplyprint.problem.missing') : null,
        check.exists && !check.urlMatches ? t('setup.simplyprint.problem.url', { current: check.currentUrl ?? '', expected: check.expectedUrl ?? '' }) : null,
        check.exists && !check.enabled ? t('setup.simplyprint.problem.disabled') : null,
        check.exists && !check.secretMatches ? t('setup.simplyprint.problem.secret') : null,
        check.exists && !check.eventsCovered ? t('setup.simplyprint.problem.events', { events: check.missingEvents.join(', ') }) : null,
      ].filter((p): p is string => p !== null);
  return (
    <div data-testid="webhook-check" data-status={check.status}>
      {good && saved ? (
        <p className="probe-result probe-ok">{t(saved === 'created' ? 'setup.simplyprint.created' : 'setup.simplyprint.updated', { id: check.webhookId })}</p>
      ) : null}
      {good && !saved && problems.length === 0 ? <p className="probe-result probe-ok">{t('setup.simplyprint.inPlace', { id: check.webhookId })}</p> : null}
      {check.error ? <SimplyPrintProblem code={check.error.code} message={check.error.message} companyId={companyId} /> : null}
      {problems.length > 0 ? (
        <ul className="check-problems">
          {problems.map((problem) => (
            <li key={problem} className="warning-line">
              {problem}
            </li>
          ))}
          {check.fixAvailable ? <li className="small muted">{t('setup.simplyprint.problem.fix')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
