// Step 2: how SimplyPrint's servers reach this PC (port forward, Cloudflare quick tunnel, ngrok or
// LAN only), the URL that results, and a probe through that URL back to the receiver.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACHABILITY_MODES, type ProbeResult, type ReachabilityMode, type TunnelStatus } from '../../../../src/shared/setup.js';
import { useApi } from '../../api/ApiContext.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import { CopyField } from './CopyField.js';
import { ProbeResultNote } from './ProbeResultNote.js';
import { composeBaseUrl, splitBaseUrl, webhookUrlOf } from './publicUrl.js';
import { ContinueButton, StepNav } from './StepNav.js';
import { nextStep, previousStep, reachabilityVerdict } from './steps.js';
import { TunnelPanel } from './TunnelPanel.js';
import { useAction } from './useAction.js';
import { useUrlWarnings } from './useUrlWarnings.js';
import { UrlWarningList } from './UrlWarningList.js';
import type { Wizard } from './useWizard.js';

export function ReachabilityStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const { settings } = wizard;
  // Shown at once when picked; saved in the background.
  const [mode, setMode] = useState<ReachabilityMode | null>(settings.reachability.mode ?? wizard.choices.mode ?? null);
  const [address, setAddress] = useState(() => splitBaseUrl(settings.reachability.publicBaseUrl, settings.receiver.port));
  const [probe, setProbe] = useState<ProbeResult | null>(null);
  const lastTunnelUrl = useRef<string | null>(null);

  const candidateBase = mode === 'port_forward' ? composeBaseUrl(address) : null;
  const shownUrl = mode === 'port_forward' ? webhookUrlOf(candidateBase) : mode === 'lan_only' ? null : settings.publicWebhookUrl;
  const warnings = useUrlWarnings(shownUrl ?? '', false);

  const choose = useAction(async (next: ReachabilityMode) => {
    setMode(next);
    setProbe(null);
    wizard.setSettings(await api.updateSetupSettings({ mode: next }));
    await wizard.saveChoices({ mode: next });
  });

  /** The port-forward address is saved when it is checked or the step is left, not on every key. */
  async function saveAddress(): Promise<string | null> {
    if (mode !== 'port_forward') return settings.publicWebhookUrl;
    if (candidateBase !== settings.reachability.publicBaseUrl) {
      const saved = await api.updateSetupSettings({ publicUrl: candidateBase });
      wizard.setSettings(saved);
      return saved.publicWebhookUrl;
    }
    return settings.publicWebhookUrl;
  }

  const check = useAction(async () => {
    setProbe(null);
    await saveAddress();
    setProbe(await api.probePublic({}));
  });

  const proceed = useAction(async () => {
    await saveAddress();
    await wizard.goTo(nextStep('reachability'));
  });

  const onTunnel = (status: TunnelStatus) => {
    if (status.publicUrl === lastTunnelUrl.current) return;
    lastTunnelUrl.current = status.publicUrl;
    setProbe(null);
    void api.setupSettings().then(wizard.setSettings, () => undefined);
  };

  const effectiveUrl = mode === 'port_forward' ? webhookUrlOf(candidateBase) : settings.publicWebhookUrl;
  const verdict = reachabilityVerdict(mode, effectiveUrl, probe);
  const port = settings.receiver.port;

  return (
    <section className="wizard-panel" aria-labelledby="step-title" data-testid="step-reachability">
      <h2 id="step-title" tabIndex={-1}>{t('setup.reachability.title')}</h2>
      <p className="muted">{t('setup.reachability.intro', { port })}</p>

      <ChoiceGroup
        legend={t('setup.reachability.method')}
        name="reachability"
        value={mode}
        onChange={(next) => void choose.run(next)}
        testId="reachability-mode"
        choices={REACHABILITY_MODES.map((id) => ({ id, label: t(`setup.reachability.methods.${id}`), hint: t(`setup.reachability.when.${id}`) }))}
      />
      {choose.error ? <ErrorNote error={choose.error} /> : null}

      {mode === 'port_forward' ? (
        <div className="wizard-block address-fields">
          <div className="field field-grow">
            <label className="field-label" htmlFor={`${ids}-host`}>
              {t('setup.reachability.publicHost')}
            </label>
            <input
              id={`${ids}-host`}
              value={address.host}
              onChange={(e) => {
                setAddress({ ...address, host: e.target.value });
                setProbe(null);
              }}
              placeholder="farm.example.net"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${ids}-host-hint`}
              data-testid="public-host"
            />
            <span id={`${ids}-host-hint`} className="small muted">
              {t('setup.reachability.publicHostHint')}
            </span>
          </div>
          <div className="field field-port">
            <label className="field-label" htmlFor={`${ids}-port`}>
              {t('setup.reachability.publicPort')}
            </label>
            <input
              id={`${ids}-port`}
              inputMode="numeric"
              value={address.port}
              onChange={(e) => {
                setAddress({ ...address, port: e.target.value });
                setProbe(null);
              }}
              aria-describedby={`${ids}-port-hint`}
              data-testid="public-port"
            />
          </div>
          <p id={`${ids}-port-hint`} className="small muted address-hint">
            {t('setup.reachability.publicPortHint', { port })}
          </p>
          <LanAddresses urls={settings.receiver.lanUrls} />
        </div>
      ) : null}

      {mode === 'cloudflare_quick' || mode === 'ngrok' ? (
        <TunnelPanel key={mode} provider={mode === 'ngrok' ? 'ngrok' : 'cloudflare'} port={port} onStatus={onTunnel} />
      ) : null}

      {mode === 'lan_only' ? (
        <div className="wizard-block">
          <LanAddresses urls={settings.receiver.lanUrls} />
          <p className="small muted">{t('setup.reachability.lanNote')}</p>
        </div>
      ) : null}

      {mode && mode !== 'lan_only' ? (
        <div className="wizard-block">
          {shownUrl ? (
            <CopyField label={t('setup.reachability.webhookUrl')} value={shownUrl} copyLabel={t('common.copy')} testId="public-webhook-url" />
          ) : (
            <p className="muted">{t('setup.reachability.noPublicUrl')}</p>
          )}
          <UrlWarningList warnings={warnings} />
          <p className="small muted">{t('setup.reachability.probeHint')}</p>
          <div className="wizard-row">
            <button type="button" className="btn" onClick={() => void check.run()} disabled={check.busy || !effectiveUrl} data-testid="probe-public">
              {check.busy ? t('setup.reachability.probing') : t('setup.reachability.probe')}
            </button>
          </div>
          <div aria-live="polite">{probe ? <ProbeResultNote result={probe} tunnel={mode === 'cloudflare_quick' || mode === 'ngrok'} /> : null}</div>
          {check.error ? <ErrorNote error={check.error} /> : null}
        </div>
      ) : null}

      {proceed.error ? <ErrorNote error={proceed.error} /> : null}
      <StepNav onBack={() => void wizard.goTo(previousStep('reachability')!)}>
        {verdict === 'check' ? <span className="small muted">{t('setup.reachability.probeRequired')}</span> : null}
        <ContinueButton
          onClick={() => void proceed.run()}
          busy={proceed.busy}
          disabled={verdict === 'choose' || verdict === 'need_url'}
          label={verdict === 'check' ? t('setup.reachability.continueAnyway') : undefined}
        />
      </StepNav>
    </section>
  );
}

function LanAddresses({ urls }: { urls: readonly string[] }) {
  const { t } = useTranslation();
  if (urls.length === 0) return null;
  return (
    <div className="lan-addresses">
      <p className="small muted">{t('setup.reachability.lanAddresses')}</p>
      <ul className="url-list">
        {urls.map((url) => (
          <li key={url}>
            <code className="mono">{url}</code>
            <CopyButton text={url} label={t('common.copy')} />
          </li>
        ))}
      </ul>
    </div>
  );
}
