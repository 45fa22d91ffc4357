import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n/index.js';
import { PatternField } from './PatternField.js';

afterEach(cleanup);

function Harness({ kind, initial }: { kind: 'events' | 'printers'; initial: string }) {
  const [value, setValue] = useState(initial);
  return <PatternField kind={kind} value={value} onChange={setValue} />;
}

const mount = (lang: 'en' | 'ru', initial = '') =>
  render(
    <I18nextProvider i18n={setupI18n(lang)}>
      <Harness kind="events" initial={initial} />
    </I18nextProvider>,
  );

describe('the event filter field', () => {
  it('is labelled, previews what it takes and explains problems as one types', () => {
    mount('en', '*');
    const input = screen.getByLabelText('Events');
    expect(screen.getByTestId('destination-events-preview').textContent).toBe('Takes every SimplyPrint event');
    fireEvent.change(input, { target: { value: 'job.*, !job.paused' } });
    expect(screen.getByTestId('destination-events-preview').textContent).toMatch(/^Takes \d+ of \d+ SimplyPrint events$/);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(input, { target: { value: 'job failed, jbo.*' } });
    const problems = screen.getByTestId('destination-events-problems').querySelectorAll('li');
    expect([...problems].map((li) => li.getAttribute('data-code'))).toEqual(['bad_characters', 'matches_nothing']);
    expect(problems[0]!.className).toContain('error-line');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('destination-events-preview')).toBeNull();
  });

  it('speaks Russian', () => {
    mount('ru', '!');
    expect(screen.getByLabelText('События')).toBeTruthy();
    expect(screen.getByTestId('destination-events-problems').textContent).toBe('«!»: после «!» укажите, что исключить.');
  });
});
