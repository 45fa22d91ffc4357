// The event (or printer) filter with its problems shown as the operator types, and for events a
// preview of which documented SimplyPrint events it lets through.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLabel, SIMPLYPRINT_EVENTS } from '../../../../src/shared/events.js';
import { useFormat } from '../../format/useFormat.js';
import { checkEventPatterns, checkPrinterPatterns, parsePatterns } from './eventPatterns.js';

interface Props {
  kind: 'events' | 'printers';
  value: string;
  onChange: (value: string) => void;
}

export function PatternField({ kind, value, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const check = useMemo(() => (kind === 'events' ? checkEventPatterns(parsePatterns(value)) : checkPrinterPatterns(parsePatterns(value))), [kind, value]);
  const errors = check.problems.filter((p) => p.severity === 'error');
  const all = kind === 'events' && check.valid && check.matched.length === SIMPLYPRINT_EVENTS.length;

  return (
    <div className="field pattern-field">
      <label className="field-label" htmlFor={id}>
        {t(`forwarding.field.${kind}`)}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={kind === 'events' ? 'job.*, !job.paused' : t('forwarding.allPrinters')}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={`${id}-hint ${id}-problems`}
        spellCheck={false}
        data-testid={`destination-${kind}`}
      />
      <span id={`${id}-hint`} className="muted small">
        {t(`forwarding.patternHint.${kind}`)}
      </span>
      <ul id={`${id}-problems`} className="pattern-problems" aria-live="polite" data-testid={`destination-${kind}-problems`}>
        {check.problems.map((p) => (
          <li key={`${p.pattern}-${p.code}`} className={p.severity === 'error' ? 'error-line small' : 'warning-text small'} data-code={p.code}>
            {t(`forwarding.pattern.${p.code}`, { pattern: p.pattern })}
          </li>
        ))}
      </ul>
      {kind === 'events' && check.valid ? (
        <details className="pattern-preview">
          <summary className="small" data-testid="destination-events-preview">
            {all ? t('forwarding.preview.all') : t('forwarding.preview.some', { count: check.matched.length, total: SIMPLYPRINT_EVENTS.length })}
          </summary>
          <ul className="matched-events">
            {check.matched.map((event) => (
              <li key={event}>
                <span className="mono">{event}</span> <span className="muted">{eventLabel(event, f.lang)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
