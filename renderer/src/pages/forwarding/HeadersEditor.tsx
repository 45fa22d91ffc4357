// Extra request headers of an HTTP destination. They are stored encrypted (they often carry tokens)
// and never shown again: the names of the stored ones are listed, and replacing means typing the
// whole set anew.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import type { HeaderRow } from './destinationForm.js';
import { useErrorText, type FieldError } from './TextField.js';

interface Props {
  rows: HeaderRow[];
  storedNames: string[];
  replace: boolean;
  error?: FieldError;
  onChange: (rows: HeaderRow[], replace: boolean) => void;
}

export function HeadersEditor({ rows, storedNames, replace, error, onChange }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText()(error);
  const set = (index: number, row: Partial<HeaderRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...row } : r)), true);

  return (
    <fieldset className="headers-editor">
      <legend>{t('forwarding.headers.title')}</legend>
      {!replace ? (
        <p className="small">
          {storedNames.length > 0 ? t('forwarding.headers.stored', { names: storedNames.join(', ') }) : t('forwarding.headers.none')}{' '}
          <button type="button" className="btn btn-small" onClick={() => onChange([{ name: '', value: '' }], true)}>
            {storedNames.length > 0 ? t('forwarding.headers.replace') : t('forwarding.headers.add')}
          </button>
        </p>
      ) : (
        <>
          {rows.map((row, i) => (
            <div className="header-row" key={i}>
              <input value={row.name} onChange={(e) => set(i, { name: e.target.value })} placeholder="X-Api-Key" aria-label={t('forwarding.headers.name', { n: i + 1 })} spellCheck={false} data-testid="header-name" />
              <input value={row.value} onChange={(e) => set(i, { value: e.target.value })} type="password" autoComplete="new-password" aria-label={t('forwarding.headers.value', { n: i + 1 })} data-testid="header-value" />
              <button type="button" className="btn btn-icon" onClick={() => onChange(rows.filter((_, j) => j !== i), true)} aria-label={t('forwarding.headers.remove', { n: i + 1 })}>
                <Icon name="close" size={15} />
              </button>
            </div>
          ))}
          <p className="small">
            <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { name: '', value: '' }], true)}>
              {t('forwarding.headers.add')}
            </button>{' '}
            {storedNames.length > 0 ? (
              <>
                <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange([], false)}>
                  {t('forwarding.headers.keep')}
                </button>{' '}
                <span className="muted">{t('forwarding.headers.replaceNote')}</span>
              </>
            ) : null}
          </p>
        </>
      )}
      {errorText ? <p className="error-line small">{errorText}</p> : null}
    </fieldset>
  );
}
