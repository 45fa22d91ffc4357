// A labelled input with its hint or its problem under it, wired for screen readers.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './destinationForm.js';

export type FieldError = FormErrors[string];

export function useErrorText() {
  const { t } = useTranslation();
  return (error: FieldError) => (error ? t(`forwarding.error.${error.key}`, error.values ?? {}) : undefined);
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldError;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'url' | 'number';
  placeholder?: string;
  testId?: string;
  multiline?: boolean;
  className?: string;
  min?: number;
  max?: number;
  step?: number;
}

export function TextField({ label, value, onChange, error, hint, type = 'text', placeholder, testId, multiline, className, min, max, step }: Props) {
  const id = useId();
  const errorText = useErrorText()(error);
  const described = errorText || hint ? `${id}-note` : undefined;
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': errorText ? true : undefined,
    'aria-describedby': described,
    'data-testid': testId,
    spellCheck: false,
  } as const;
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={type === 'password' ? 'new-password' : 'off'} min={min} max={max} step={step} onChange={(e) => onChange(e.target.value)} />
      )}
      {described ? (
        <span id={described} className={errorText ? 'error-line small' : 'muted small'}>
          {errorText ?? hint}
        </span>
      ) : null}
    </div>
  );
}
