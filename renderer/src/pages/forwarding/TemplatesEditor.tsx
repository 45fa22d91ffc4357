// Message templates of a chat destination: per category (or per event) the default in the chosen
// language is shown, and the operator may write their own. Problems (an unclosed section, an unknown
// variable) are pointed out as they type.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_CATEGORIES, type EventCategory } from '../../../../src/shared/catalogue.js';
import { eventLabel, SIMPLYPRINT_EVENTS } from '../../../../src/shared/events.js';
import { FORWARD_LANGUAGES, type ForwardLanguage } from '../../../../src/shared/forward.js';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from '../../../../src/shared/forward-templates.js';
import { useFormat } from '../../format/useFormat.js';
import { checkTemplate, type TemplateProblem } from './templateCheck.js';

interface Props {
  language: ForwardLanguage;
  templates: Record<string, string>;
  onLanguage: (language: ForwardLanguage) => void;
  onChange: (templates: Record<string, string>) => void;
}

const LANGUAGE_NAMES: Record<ForwardLanguage, string> = { en: 'English', ru: 'Русский' };
const isCategory = (key: string): key is EventCategory => (EVENT_CATEGORIES as readonly string[]).includes(key);
const categoryOf = (event: string) => (event.split('.', 1)[0] ?? 'other') as EventCategory;

/** Tags go in as values: written into the message itself, i18next would read them as its own. */
function tagValues(p: TemplateProblem) {
  const name = 'name' in p ? p.name : '';
  return p.code === 'unterminated_tag' ? { open: '{{', close: '}}' } : { name, open: `{{#${name}}}`, close: `{{/${name}}}` };
}

function Problems({ problems }: { problems: TemplateProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="pattern-problems" aria-live="polite">
      {problems.map((p, i) => (
        <li key={i} className={p.code === 'unknown_variable' ? 'warning-text small' : 'error-line small'} data-code={p.code}>
          {t(`forwarding.templateProblem.${p.code}`, tagValues(p))}
        </li>
      ))}
    </ul>
  );
}

function TemplateRow({ name, fallback, value, onChange, onRemove }: { name: string; fallback: string; value: string | undefined; onChange: (v: string | undefined) => void; onRemove?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const custom = value !== undefined;
  return (
    <details className="template-row" open={custom} data-template={name}>
      <summary>
        <span className="template-name">{name}</span> <span className={`template-state${custom ? ' custom' : ''}`}>{custom ? t('forwarding.templates.custom') : t('forwarding.templates.default')}</span>
      </summary>
      <div className="template-body">
        <p className="field-label">{t('forwarding.templates.defaultText')}</p>
        <pre className="code template-default">{fallback}</pre>
        {custom ? (
          <>
            <label className="field-label" htmlFor={id}>
              {t('forwarding.templates.yours')}
            </label>
            <textarea id={id} className="template-input mono" rows={5} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
            <Problems problems={checkTemplate(value)} />
          </>
        ) : null}
        <p className="btn-group">
          {custom ? (
            <button type="button" className="btn btn-small" onClick={() => (onRemove ? onRemove() : onChange(undefined))}>
              {t('forwarding.templates.useDefault')}
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => onChange(fallback)}>
              {t('forwarding.templates.customise')}
            </button>
          )}
        </p>
      </div>
    </details>
  );
}

export function TemplatesEditor({ language, templates, onLanguage, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [pick, setPick] = useState('');
  const set = (key: string, value: string | undefined) => {
    const next = { ...templates };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const eventKeys = Object.keys(templates).filter((key) => !isCategory(key));

  return (
    <fieldset className="templates-editor">
      <legend>{t('forwarding.templates.title')}</legend>
      <div className="field field-inline">
        <label className="field-label" htmlFor={`${id}-lang`}>
          {t('forwarding.field.language')}
        </label>
        <select id={`${id}-lang`} value={language} onChange={(e) => onLanguage(e.target.value as ForwardLanguage)} data-testid="destination-language">
          {FORWARD_LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LANGUAGE_NAMES[lng]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small">{t('forwarding.templates.intro')}</p>
      {EVENT_CATEGORIES.map((category) => (
        <TemplateRow key={category} name={t(`categories.${category}`)} fallback={DEFAULT_TEMPLATES[language][category]} value={templates[category]} onChange={(v) => set(category, v)} />
      ))}
      {eventKeys.map((event) => (
        <TemplateRow
          key={event}
          name={`${eventLabel(event, f.lang)} (${event})`}
          fallback={templates[categoryOf(event)] ?? DEFAULT_TEMPLATES[language][isCategory(categoryOf(event)) ? categoryOf(event) : 'other']}
          value={templates[event]}
          onChange={(v) => set(event, v ?? '')}
          onRemove={() => set(event, undefined)}
        />
      ))}
      <div className="field field-inline">
        <label className="field-label" htmlFor={`${id}-event`}>
          {t('forwarding.templates.forEvent')}
        </label>
        <select id={`${id}-event`} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">—</option>
          {SIMPLYPRINT_EVENTS.filter((e) => !(e in templates)).map((event) => (
            <option key={event} value={event}>
              {eventLabel(event, f.lang)} ({event})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={!pick}
          onClick={() => {
            const category = categoryOf(pick);
            set(pick, templates[category] ?? DEFAULT_TEMPLATES[language][isCategory(category) ? category : 'other']);
            setPick('');
          }}
        >
          {t('forwarding.templates.add')}
        </button>
      </div>
      <details className="template-help">
        <summary className="small">{t('forwarding.templates.help')}</summary>
        <p className="small">{t('forwarding.templates.syntax', { value: '{{name}}', section: '{{#name}}…{{/name}}', inverted: '{{^name}}…{{/name}}' })}</p>
        <ul className="variables">
          {TEMPLATE_VARIABLES.map((name) => (
            <li key={name} className="mono">{`{{${name}}}`}</li>
          ))}
          <li className="mono">{'{{data.…}}'}</li>
        </ul>
      </details>
    </fieldset>
  );
}
