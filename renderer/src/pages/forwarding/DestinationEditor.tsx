// Adding or changing a destination: its type and target, which events and printers it takes, how
// hard to try, and (for chat) the messages. Checked here first; the core checks again on save.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATION_TYPES, type Destination, type DestinationType } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';
import { useLang } from '../../format/useFormat.js';
import { ConnectionFields } from './ConnectionFields.js';
import { emptyForm, formFromDestination, formToInput, usesTemplates, type DestinationForm, type FormErrors } from './destinationForm.js';
import { PatternField } from './PatternField.js';
import { TemplatesEditor } from './TemplatesEditor.js';
import { TextField } from './TextField.js';

interface Props {
  /** The destination to change; absent for a new one. */
  destination?: Destination;
  onSaved: (destination: Destination) => void;
  onCancel: () => void;
}

export function DestinationEditor({ destination, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLang();
  const id = useId();
  const initial = useMemo(() => (destination ? formFromDestination(destination) : { form: emptyForm('http', lang), stored: null }), [destination, lang]);
  const [form, setForm] = useState<DestinationForm>(initial.form);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const stored = initial.stored;

  const change = (patch: Partial<DestinationForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    // After a first failed save, problems clear as they are fixed.
    if (submitted) setErrors(formToInput(next, stored).errors);
  };

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const { input, errors: found } = formToInput(form, stored);
    setErrors(found);
    if (!input) {
      // Focus the first field with a problem, so a keyboard user lands on it.
      requestAnimationFrame(() => document.getElementById(id)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    setServerError(undefined);
    (destination ? api.updateForwardDestination(destination.id, input) : api.createForwardDestination(input)).then(
      (saved) => {
        setSaving(false);
        onSaved(saved);
      },
      (err: unknown) => {
        setSaving(false);
        setServerError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  const problemCount = Object.keys(errors).length;

  return (
    <form id={id} className="card destination-editor" onSubmit={save} noValidate data-testid="destination-editor" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{destination ? t('forwarding.editTitle', { name: destination.name }) : t('forwarding.addTitle')}</h2>
      </div>

      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-type`}>
            {t('forwarding.field.type')}
          </label>
          <select id={`${id}-type`} value={form.type} disabled={Boolean(destination)} onChange={(e) => change({ type: e.target.value as DestinationType })} data-testid="destination-type">
            {DESTINATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`forwarding.type.${type}`)}
              </option>
            ))}
          </select>
          <span className="muted small">{t(`forwarding.typeHint.${form.type}`)}</span>
        </div>
        <TextField label={t('forwarding.field.name')} value={form.name} onChange={(name) => change({ name })} error={errors.name} placeholder={t('forwarding.namePlaceholder')} testId="destination-name" />
      </div>
      <label className="field-inline">
        <input type="checkbox" checked={form.enabled} onChange={(e) => change({ enabled: e.target.checked })} data-testid="destination-enabled" />
        {t('forwarding.field.enabled')}
      </label>

      <fieldset className="editor-section">
        <legend>{t('forwarding.section.connection')}</legend>
        <ConnectionFields form={form} stored={stored} errors={errors} change={change} />
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('forwarding.section.filter')}</legend>
        <PatternField kind="events" value={form.events} onChange={(events) => change({ events })} />
        <PatternField kind="printers" value={form.printers} onChange={(printers) => change({ printers })} />
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('forwarding.section.delivery')}</legend>
        <div className="form-grid form-grid-3">
          <TextField label={t('forwarding.field.timeout')} type="number" min={0.1} max={120} step={0.5} value={form.timeoutSeconds} onChange={(timeoutSeconds) => change({ timeoutSeconds })} error={errors.timeoutSeconds} testId="destination-timeout" />
          <TextField label={t('forwarding.field.maxAttempts')} type="number" min={1} max={50} step={1} value={form.maxAttempts} onChange={(maxAttempts) => change({ maxAttempts })} error={errors.maxAttempts} hint={t('forwarding.maxAttemptsHint')} testId="destination-max-attempts" />
          <TextField label={t('forwarding.field.pauseAfter')} type="number" min={0} max={10000} step={1} value={form.pauseAfterFailures} onChange={(pauseAfterFailures) => change({ pauseAfterFailures })} error={errors.pauseAfterFailures} hint={t('forwarding.pauseAfterHint')} />
        </div>
        <label className="field-inline">
          <input type="checkbox" checked={form.ordered} onChange={(e) => change({ ordered: e.target.checked })} />
          {t('forwarding.field.orderedLong')}
        </label>
      </fieldset>

      {usesTemplates(form.type) ? (
        <TemplatesEditor language={form.language} templates={form.templates} onLanguage={(language) => change({ language })} onChange={(templates) => change({ templates })} />
      ) : null}

      {serverError ? (
        <p className="error-note" role="alert">
          {serverError}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="destination-save">
          {saving ? t('forwarding.saving') : t('forwarding.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <span aria-live="polite" className="error-line small">
          {problemCount > 0 ? t('forwarding.problems', { count: problemCount }) : null}
        </span>
      </div>
    </form>
  );
}
