// The filter bar. Text fields are applied after a short pause in typing (the parent debounces);
// selects apply at once.
import { useTranslation } from 'react-i18next';
import { CATALOGUE, EVENT_CATEGORIES } from '../../../../src/shared/catalogue.js';
import type { PrinterStateItem } from '../../../../src/shared/stats.js';
import { Icon } from '../../components/Icon.js';
import { useLang } from '../../format/useFormat.js';
import { EMPTY_FILTER, isFilterActive, type EventFilter } from './filter.js';

interface Props {
  filter: EventFilter;
  printers: readonly PrinterStateItem[];
  onChange: (filter: EventFilter) => void;
}

export function EventFilters({ filter, printers, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = (key: keyof EventFilter) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...filter, [key]: e.target.value });
  const categories = filter.category ? [filter.category] : EVENT_CATEGORIES.filter((c) => c !== 'other');

  return (
    <form className="filters" role="search" aria-label={t('events.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="field field-search">
        <span className="field-label">{t('events.filter.search')}</span>
        <span className="input-icon">
          <Icon name="search" size={16} />
          <input type="search" value={filter.q} onChange={set('q')} placeholder={t('events.filter.searchPlaceholder')} data-testid="filter-q" />
        </span>
      </label>
      <label className="field">
        <span className="field-label">{t('events.filter.category')}</span>
        <select value={filter.category} onChange={(e) => onChange({ ...filter, category: e.target.value, event: '' })} data-testid="filter-category">
          <option value="">{t('events.filter.all')}</option>
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('events.filter.event')}</span>
        <select value={filter.event} onChange={set('event')} data-testid="filter-event">
          <option value="">{t('events.filter.all')}</option>
          {categories.map((category) => (
            <optgroup key={category} label={t(`categories.${category}`)}>
              {CATALOGUE.filter((e) => e.category === category).map((e) => (
                <option key={e.event} value={e.event}>
                  {e.label[lang]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('events.filter.printer')}</span>
        <select value={filter.printer} onChange={set('printer')} data-testid="filter-printer">
          <option value="">{t('events.filter.all')}</option>
          {printers.map((p) => (
            <option key={p.printerId} value={p.printerId}>
              {p.printerName ?? p.printerId}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-narrow">
        <span className="field-label">{t('events.filter.job')}</span>
        <input type="text" value={filter.job} onChange={set('job')} placeholder={t('events.filter.jobPlaceholder')} inputMode="text" />
      </label>
      <label className="field">
        <span className="field-label">{t('events.filter.from')}</span>
        <input type="datetime-local" value={filter.from} onChange={set('from')} step={1} />
      </label>
      <label className="field">
        <span className="field-label">{t('events.filter.to')}</span>
        <input type="datetime-local" value={filter.to} onChange={set('to')} step={1} />
      </label>
      <button type="button" className="btn btn-ghost" onClick={() => onChange(EMPTY_FILTER)} disabled={!isFilterActive(filter)}>
        {t('events.filter.clear')}
      </button>
    </form>
  );
}
