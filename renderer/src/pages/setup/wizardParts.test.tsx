import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n/index.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import { EventChecklist } from './EventChecklist.js';
import { initialSelection } from './eventChoice.js';
import { UrlWarningList } from './UrlWarningList.js';
import { webhookUrlWarnings } from './urlWarnings.js';
import { WizardProgress } from './WizardProgress.js';

afterEach(cleanup);

const inLanguage = (lng: 'en' | 'ru', ui: React.ReactNode) => render(<I18nextProvider i18n={setupI18n(lng)}>{ui}</I18nextProvider>);

describe('URL warnings on screen', () => {
  it('name the host and the service, in English and Russian', () => {
    const warnings = [...webhookUrlWarnings('http://192.168.1.20:13000/api/v1/simplyprint/webhook'), ...webhookUrlWarnings('https://hooks.slack.com/services/T/B/X')];
    inLanguage('en', <UrlWarningList warnings={warnings} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '192.168.1.20 is a local network address. SimplyPrint’s servers are on the internet and cannot reach it.',
      'This is a Slack webhook address. SimplyPrint would send chat messages to Slack, not events to FarmHook.',
    ]);
    cleanup();
    inLanguage('ru', <UrlWarningList warnings={warnings} />);
    expect(screen.getAllByRole('listitem')[0]!.textContent).toBe('192.168.1.20 — адрес локальной сети. Серверы SimplyPrint находятся в интернете и не могут до него достучаться.');
  });

  it('are absent for a good URL', () => {
    const { container } = inLanguage('en', <UrlWarningList warnings={webhookUrlWarnings('http://farm.example.net:13000/api/v1/simplyprint/webhook')} />);
    expect(container.textContent).toBe('');
  });
});

describe('the step list', () => {
  it('marks the current step, opens earlier ones, keeps later ones closed', () => {
    const onGo = vi.fn();
    inLanguage('en', <WizardProgress current="simplyprint" furthest="simplyprint" onGo={onGo} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.hasAttribute('disabled'))).toEqual([false, false, true, true]);
    expect(buttons[2]!.getAttribute('aria-current')).toBe('step');
    expect(buttons[0]!.textContent).toContain('Done');
    fireEvent.click(buttons[0]!);
    expect(onGo).toHaveBeenCalledWith('receiver');
  });
});

describe('the choice cards', () => {
  it('are radios labelled by their name and described by when to pick them', () => {
    const onChange = vi.fn();
    inLanguage(
      'en',
      <ChoiceGroup
        legend="Choose the way in"
        name="way"
        value="a"
        onChange={onChange}
        choices={[
          { id: 'a', label: 'Router port forward', hint: 'When the router has a public address.' },
          { id: 'b', label: 'LAN only', hint: 'Only senders on this network.' },
        ]}
      />,
    );
    const group = screen.getByRole('group', { name: 'Choose the way in' });
    const lan = within(group).getByRole('radio', { name: 'LAN only' });
    expect(lan.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(lan.getAttribute('aria-describedby')!)?.textContent).toBe('Only senders on this network.');
    fireEvent.click(lan);
    expect(onChange).toHaveBeenCalledWith('b');
  });
});

describe('the event checklist', () => {
  function Harness() {
    const [selected, setSelected] = useState(() => initialSelection(undefined));
    return <EventChecklist selected={selected} onChange={setSelected} />;
  }

  it('ticks a category at once, shows a partly ticked one as mixed, and counts', () => {
    inLanguage('en', <Harness />);
    expect(screen.getByText('62 of 62 events')).toBeTruthy();
    const jobBox = screen.getByRole('checkbox', { name: 'Print job' }) as HTMLInputElement;
    const show = screen.getByRole('button', { name: 'Show events Print job' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    const jobList = screen.getByRole('list', { name: 'Print job' });
    fireEvent.click(within(jobList).getByRole('checkbox', { name: 'Print failed' }));
    expect(jobBox.indeterminate).toBe(true);
    expect(screen.getByText('61 of 62 events')).toBeTruthy();
    expect(screen.getByText('7 of 8')).toBeTruthy();
    fireEvent.click(jobBox);
    expect(jobBox.checked).toBe(true);
    fireEvent.click(jobBox);
    expect(screen.getByText('54 of 62 events')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'None' }));
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();
  });
});
