import { useTranslation } from 'react-i18next';
import type { RangeChoice, RangePreset } from './range.js';

const PRESETS: RangePreset[] = ['24h', '7d', '30d', 'custom'];

export function RangePicker({ value, onChange }: { value: RangeChoice; onChange: (value: RangeChoice) => void }) {
  const { t } = useTranslation();
  return (
    <div className="range-picker">
      <div className="segmented" role="radiogroup" aria-label={t('stats.range')}>
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            role="radio"
            aria-checked={value.preset === preset}
            className="segment"
            onClick={() => onChange({ ...value, preset })}
            data-testid={`range-${preset}`}
          >
            {t(`stats.preset.${preset}`)}
          </button>
        ))}
      </div>
      {value.preset === 'custom' ? (
        <div className="custom-range">
          <label className="field field-inline">
            <span className="field-label">{t('stats.from')}</span>
            <input type="date" value={value.customFrom} onChange={(e) => onChange({ ...value, customFrom: e.target.value })} />
          </label>
          <label className="field field-inline">
            <span className="field-label">{t('stats.to')}</span>
            <input type="date" value={value.customTo} onChange={(e) => onChange({ ...value, customTo: e.target.value })} />
          </label>
        </div>
      ) : null}
    </div>
  );
}
