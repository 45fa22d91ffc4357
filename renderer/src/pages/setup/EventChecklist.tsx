// The events to send: one line per category with a tick for the whole group and its count, opened
// on demand to tick single events. Labels come from the catalogue in the chosen language; the
// SimplyPrint name is the tooltip, for matching the panel's list.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLabel } from '../../../../src/shared/events.js';
import { useLang } from '../../format/useFormat.js';
import { EVENT_GROUPS, groupState, SUBSCRIBABLE_EVENTS, toggleGroup, type EventGroup } from './eventChoice.js';

export function EventChecklist({ selected, onChange }: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const { t } = useTranslation();
  return (
    <div className="wizard-block event-checklist" data-testid="event-checklist">
      <div className="wizard-row">
        <h3>{t('setup.simplyprint.events')}</h3>
        <span className="small muted" aria-live="polite">
          {t('setup.simplyprint.eventsCount', { selected: selected.size, total: SUBSCRIBABLE_EVENTS.length })}
        </span>
        <span className="btn-group">
          <button type="button" className="btn btn-small" onClick={() => onChange(new Set(SUBSCRIBABLE_EVENTS))}>
            {t('setup.simplyprint.all')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => onChange(new Set())}>
            {t('setup.simplyprint.none')}
          </button>
        </span>
      </div>
      <p className="small muted">{t('setup.simplyprint.eventsHint')}</p>
      {selected.size === 0 ? <p className="error-line small">{t('setup.simplyprint.noEvents')}</p> : null}
      <ul className="event-groups">
        {EVENT_GROUPS.map((group) => (
          <Group key={group.category} group={group} selected={selected} onChange={onChange} />
        ))}
      </ul>
    </div>
  );
}

function Group({ group, selected, onChange }: { group: EventGroup; selected: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const state = groupState(selected, group);
  const count = group.events.filter((e) => selected.has(e)).length;
  const groupBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (groupBox.current) groupBox.current.indeterminate = state === 'some';
  }, [state]);
  const name = t(`categories.${group.category}`);
  return (
    <li className="event-group" data-category={group.category}>
      <div className="event-group-head">
        <label className="check-label">
          <input ref={groupBox} type="checkbox" checked={state === 'all'} onChange={(e) => onChange(toggleGroup(selected, group, e.target.checked))} />
          <span className={`cat cat-${group.category}`}>{name}</span>
        </label>
        <span className="small muted">{t('setup.simplyprint.groupCount', { selected: count, total: group.events.length })}</span>
        <button type="button" className="btn btn-small btn-ghost" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? t('setup.simplyprint.hideEvents') : t('setup.simplyprint.showEvents')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
      <ul id={listId} className="event-list" hidden={!open} aria-label={name}>
        {group.events.map((event) => (
          <li key={event}>
            <label className="check-label" title={event}>
              <input
                type="checkbox"
                checked={selected.has(event)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(event);
                  else next.delete(event);
                  onChange(next);
                }}
              />
              <span>{eventLabel(event, lang)}</span>
            </label>
          </li>
        ))}
      </ul>
    </li>
  );
}
