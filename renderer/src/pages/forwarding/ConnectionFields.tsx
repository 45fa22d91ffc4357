// Where and how a destination sends, by type: the URL, signing and headers of an HTTP endpoint, a
// Telegram bot and chat, a Discord/Slack/Teams incoming webhook, an MQTT broker.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNING_MODES, type SigningMode } from '../../../../src/shared/forward.js';
import type { DestinationForm, FormErrors, StoredSecrets } from './destinationForm.js';
import { HeadersEditor } from './HeadersEditor.js';
import { SecretField } from './SecretField.js';
import { TextField } from './TextField.js';

interface Props {
  form: DestinationForm;
  stored: StoredSecrets | null;
  errors: FormErrors;
  change: (patch: Partial<DestinationForm>) => void;
}

export function ConnectionFields({ form, stored, errors, change }: Props) {
  const { t } = useTranslation();
  const id = useId();
  switch (form.type) {
    case 'http':
      return (
        <>
          <TextField label={t('forwarding.field.url')} type="url" value={form.url} onChange={(url) => change({ url })} error={errors.url} placeholder="https://erp.example.com/hooks/farm" testId="destination-url" />
          <div className="field">
            <label className="field-label" htmlFor={`${id}-signing`}>
              {t('forwarding.field.signing')}
            </label>
            <select id={`${id}-signing`} value={form.signing} onChange={(e) => change({ signing: e.target.value as SigningMode })} aria-describedby={`${id}-signing-hint`} data-testid="destination-signing">
              {SIGNING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`forwarding.signing.${mode}`)}
                </option>
              ))}
            </select>
            <span id={`${id}-signing-hint`} className="muted small">
              {t(`forwarding.signingHint.${form.signing}`)}
            </span>
          </div>
          {form.signing !== 'none' ? (
            <SecretField label={t('forwarding.field.secret')} value={form.secret} onChange={(secret) => change({ secret })} stored={stored?.secret ?? false} error={errors.secret} hint={t('forwarding.secretHint')} testId="destination-secret" />
          ) : null}
          <HeadersEditor rows={form.headers} storedNames={stored?.headerNames ?? []} replace={form.replaceHeaders} error={errors.headers} onChange={(headers, replaceHeaders) => change({ headers, replaceHeaders })} />
        </>
      );
    case 'telegram':
      return (
        <>
          <SecretField label={t('forwarding.field.botToken')} value={form.botToken} onChange={(botToken) => change({ botToken })} stored={stored?.botToken ?? false} error={errors.botToken} hint={t('forwarding.botTokenHint')} testId="destination-bot-token" />
          <TextField label={t('forwarding.field.chatId')} value={form.chatId} onChange={(chatId) => change({ chatId })} error={errors.chatId} hint={t('forwarding.chatIdHint')} placeholder="-1001234567890" testId="destination-chat-id" />
          <TextField label={t('forwarding.field.apiBaseUrl')} type="url" value={form.apiBaseUrl} onChange={(apiBaseUrl) => change({ apiBaseUrl })} error={errors.apiBaseUrl} placeholder="https://api.telegram.org" hint={t('forwarding.apiBaseUrlHint')} />
        </>
      );
    case 'discord':
    case 'slack':
    case 'teams':
      return (
        <SecretField
          label={t('forwarding.field.webhookUrl')}
          value={form.webhookUrl}
          onChange={(webhookUrl) => change({ webhookUrl })}
          stored={stored?.webhookUrl ?? false}
          error={errors.webhookUrl}
          hint={t(`forwarding.webhookUrlHint.${form.type}`)}
          testId="destination-webhook-url"
          plain
        />
      );
    case 'mqtt':
      return (
        <>
          <TextField label={t('forwarding.field.brokerUrl')} value={form.mqttUrl} onChange={(mqttUrl) => change({ mqttUrl })} error={errors.mqttUrl} placeholder="mqtts://broker.local:8883" hint={t('forwarding.brokerUrlHint')} testId="destination-broker-url" />
          <div className="form-grid">
            <TextField label={t('forwarding.field.username')} value={form.username} onChange={(username) => change({ username })} />
            <SecretField label={t('forwarding.field.password')} value={form.password} onChange={(password) => change({ password })} stored={stored?.password ?? false} />
          </div>
          <TextField label={t('forwarding.field.topicPrefix')} value={form.topicPrefix} onChange={(topicPrefix) => change({ topicPrefix })} error={errors.topicPrefix} hint={t('forwarding.topicHint', { prefix: form.topicPrefix || 'farmhook' })} />
          <label className="field-inline">
            <input type="checkbox" checked={form.retainState} onChange={(e) => change({ retainState: e.target.checked })} />
            {t('forwarding.field.retainState')}
          </label>
          <fieldset className="tls-fields">
            <legend>{t('forwarding.field.tls')}</legend>
            <label className="field-inline">
              <input type="checkbox" checked={form.rejectUnauthorized} onChange={(e) => change({ rejectUnauthorized: e.target.checked })} />
              {t('forwarding.field.rejectUnauthorized')}
            </label>
            <TextField label={t('forwarding.field.ca')} value={form.ca} onChange={(ca) => change({ ca })} multiline placeholder="-----BEGIN CERTIFICATE-----" hint={stored?.ca ? t('forwarding.caStoredHint') : t('forwarding.caHint')} />
          </fieldset>
        </>
      );
  }
}
