// Step 1: the port, who may connect (LAN or this PC only), and a strong webhook secret.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostMode } from '../../../../src/shared/setup.js';
import { useApi } from '../../api/ApiContext.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import { SecretReveal } from './SecretReveal.js';
import { ContinueButton, StepNav } from './StepNav.js';
import { isValidPort, nextStep, receiverReady } from './steps.js';
import { useAction } from './useAction.js';
import type { Wizard } from './useWizard.js';

export function ReceiverStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const api = useApi();
  const portId = useId();
  const receiver = wizard.settings.receiver;
  const [port, setPort] = useState(String(receiver.port));
  const [hostMode, setHostMode] = useState<HostMode>(wizard.choices.hostMode ?? receiver.hostMode);
  const portOk = isValidPort(port);

  const generate = useAction(async () => {
    const generated = await api.generateWebhookSecret();
    wizard.setSecret(generated.secret);
    wizard.setSettings({ ...wizard.settings, receiver: generated.receiver });
  });

  const save = useAction(async () => {
    const changed = Number(port) !== receiver.port || hostMode !== receiver.hostMode;
    if (changed) wizard.setSettings(await api.updateSetupSettings({ port: Number(port), hostMode }));
    await wizard.saveChoices({ hostMode });
    await wizard.goTo(nextStep('receiver'));
  });

  const fromConfig = receiver.secretSource === 'config';
  return (
    <section className="wizard-panel" aria-labelledby="step-title" data-testid="step-receiver">
      <h2 id="step-title" tabIndex={-1}>{t('setup.receiver.title')}</h2>
      <p className="muted">{t('setup.receiver.intro')}</p>

      <div className="field field-port">
        <label className="field-label" htmlFor={portId}>
          {t('setup.receiver.port')}
        </label>
        <input
          id={portId}
          inputMode="numeric"
          value={port}
          onChange={(e) => setPort(e.target.value)}
          aria-invalid={!portOk}
          aria-describedby={`${portId}-hint`}
          data-testid="receiver-port"
        />
        <span id={`${portId}-hint`} className={portOk ? 'small muted' : 'small error-line'}>
          {portOk ? t('setup.receiver.portHint') : t('setup.receiver.portInvalid')}
        </span>
      </div>

      <ChoiceGroup
        legend={t('setup.receiver.bind')}
        name="host-mode"
        value={hostMode}
        onChange={setHostMode}
        testId="receiver-host-mode"
        choices={[
          { id: 'lan', label: t('setup.receiver.bindLan'), hint: t('setup.receiver.bindLanHint') },
          { id: 'loopback', label: t('setup.receiver.bindLoopback'), hint: t('setup.receiver.bindLoopbackHint') },
        ]}
      />

      <div className="wizard-block">
        <h3>{t('setup.receiver.secret')}</h3>
        <p className="small muted">{t('setup.receiver.secretHint')}</p>
        <p>
          <StatusBadge tone={receiver.secretSet ? 'good' : 'warn'}>{receiver.secretSet ? t('setup.receiver.secretSet') : t('setup.receiver.secretNone')}</StatusBadge>
        </p>
        {fromConfig ? (
          <p className="warning-line">{t('setup.receiver.secretFromConfig')}</p>
        ) : (
          <>
            {wizard.secret ? (
              <SecretReveal secret={wizard.secret} label={t('setup.receiver.secretLabel')} note={t('setup.receiver.secretShownOnce')} />
            ) : null}
            <div className="wizard-row">
              <button type="button" className="btn" onClick={() => void generate.run()} disabled={generate.busy} data-testid="generate-secret">
                {receiver.secretSet ? t('setup.receiver.regenerate') : t('setup.receiver.generate')}
              </button>
              {receiver.secretSet && !wizard.secret ? <span className="small muted">{t('setup.receiver.regenerateHint')}</span> : null}
            </div>
          </>
        )}
        {generate.error ? <ErrorNote error={generate.error} /> : null}
      </div>

      {save.error ? <ErrorNote error={save.error} /> : null}
      <StepNav>
        <ContinueButton onClick={() => void save.run()} busy={save.busy} disabled={!receiverReady(port, wizard.settings)} />
      </StepNav>
    </section>
  );
}
