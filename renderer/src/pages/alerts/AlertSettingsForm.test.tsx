import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_RULES, type AlertSettings, type AlertSettingsUpdate } from '../../../../src/shared/alerts.js';
import { setupI18n } from '../../i18n/index.js';
import { AlertSettingsForm } from './AlertSettingsForm.js';

afterEach(cleanup);

const settings: AlertSettings = {
  rules: Object.fromEntries(ALERT_RULES.map((r) => [r.id, { enabled: r.enabled, severity: r.severity }])) as AlertSettings['rules'],
  noDeliveryHours: 6,
  wrongSecretThreshold: 5,
  wrongSecretWindowMinutes: 15,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  pausedUntil: null,
};

describe('the alert settings form', () => {
  it('saves rule switches, severities and the silence threshold together', async () => {
    const saved: AlertSettingsUpdate[] = [];
    render(
      <I18nextProvider i18n={setupI18n('en')}>
        <AlertSettingsForm settings={settings} onSave={async (u) => void saved.push(u)} />
      </I18nextProvider>,
    );
    const save = screen.getByRole('button', { name: 'Save settings' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Print cancelled: on'));
    fireEvent.change(screen.getByLabelText('Print failed: severity'), { target: { value: 'critical' } });
    fireEvent.change(screen.getByLabelText('Silence threshold, hours'), { target: { value: '200' } });
    expect(screen.getByText('Enter hours from 0.25 to 168.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Silence threshold, hours'), { target: { value: '2.5' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await screen.findByText('Saved.');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.noDeliveryHours).toBe(2.5);
    expect(saved[0]!.rules?.['job.cancelled']).toEqual({ enabled: true, severity: 'info' });
    expect(saved[0]!.rules?.['job.failed']).toEqual({ enabled: true, severity: 'critical' });
  });
});
