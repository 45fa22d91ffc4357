// A write-only secret: never shown once saved. When one is stored the field starts empty and says
// so; leaving it empty keeps the stored value, typing replaces it.
import { useTranslation } from 'react-i18next';
import { TextField, type FieldError } from './TextField.js';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  stored: boolean;
  error?: FieldError;
  hint?: string;
  testId?: string;
  /** URLs that carry the credential (Discord/Slack/Teams) are secrets too, but read better as text. */
  plain?: boolean;
}

export function SecretField({ label, value, onChange, stored, error, hint, testId, plain }: Props) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      type={plain ? 'text' : 'password'}
      placeholder={stored ? t('forwarding.secretStoredPlaceholder') : undefined}
      hint={stored ? t('forwarding.secretStoredHint') : hint}
      error={error}
      testId={testId}
    />
  );
}
