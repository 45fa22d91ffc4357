import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { setupI18n } from '../../i18n/index.js';
import { NewEventsPill } from './NewEventsPill.js';

afterEach(cleanup);

describe('NewEventsPill', () => {
  it('is absent with nothing new and says how many in the chosen language', () => {
    const i18n = setupI18n('en');
    const onShow = vi.fn();
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <NewEventsPill count={0} onShow={onShow} />
      </I18nextProvider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    rerender(
      <I18nextProvider i18n={i18n}>
        <NewEventsPill count={1} onShow={onShow} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('1 new event');
    fireEvent.click(screen.getByRole('button'));
    expect(onShow).toHaveBeenCalledOnce();
  });

  it.each([
    [1, '1 новое событие'],
    [3, '3 новых события'],
    [5, '5 новых событий'],
    [21, '21 новое событие'],
  ])('uses Russian plural forms: %i', (count, text) => {
    render(
      <I18nextProvider i18n={setupI18n('ru')}>
        <NewEventsPill count={count} onShow={() => {}} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe(text);
  });
});
