// A secret shown for copying: read-only, monospace, selectable, with a copy button.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.js';

export function SecretReveal({ secret, label, note }: { secret: string; label: string; note?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="secret-reveal" data-testid="secret-reveal">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input id={id} className="mono" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <CopyButton text={secret} label={t('setup.receiver.copySecret')} />
      </div>
      {note ? <p className="small muted">{note}</p> : null}
    </div>
  );
}
