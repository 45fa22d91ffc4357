// A forwarding destination that stops by itself is an alert until the operator deals with it.
import { describe, expect, it } from 'vitest';
import { applyForwardState, forwardStoppedKey, type ForwardStateChange } from '../../src/alerts/condition-rules.js';
import { initialState } from '../../src/alerts/engine.js';
import { applySettingsUpdate, defaultAlertSettings } from '../../src/alerts/settings.js';

const T0 = Date.parse('2025-03-01T12:00:00Z');
const change = (state: ForwardStateChange['state'], destinationId = 4): ForwardStateChange => ({
  destinationId,
  name: 'ERP',
  state,
  reason: 'Paused after 5 consecutive failures; last: HTTP 503.',
});

describe('the forward.stopped rule', () => {
  it('raises one alert per destination when it pauses or is disabled, and resolves it when resumed or deleted', () => {
    const paused = applyForwardState(initialState(defaultAlertSettings()), change('paused'), T0);
    expect(paused.changes).toEqual([expect.objectContaining({ kind: 'raised', notify: true })]);
    const alert = paused.changes[0]!.alert;
    expect(alert).toMatchObject({ rule: 'forward.stopped', key: forwardStoppedKey(4), severity: 'warning', title: 'Forwarding to ERP paused' });
    expect(alert.message).toContain('HTTP 503');

    // Still stopped (it was disabled by a 410 meanwhile): the same alert, no new one.
    const again = applyForwardState(paused.state, change('disabled'), T0 + 1000);
    expect(again.changes).toEqual([]);
    // Another destination is another alert.
    expect(applyForwardState(again.state, change('paused', 5), T0 + 2000).changes).toHaveLength(1);

    const resumed = applyForwardState(again.state, change('resumed'), T0 + 3000);
    expect(resumed.changes).toEqual([expect.objectContaining({ kind: 'resolved' })]);
    expect(resumed.state.open.size).toBe(0);
    const deleted = applyForwardState(paused.state, change('deleted'), T0 + 3000);
    expect(deleted.changes).toEqual([expect.objectContaining({ kind: 'resolved' })]);
  });

  it('stays quiet when the rule is switched off', () => {
    const state = initialState(applySettingsUpdate(defaultAlertSettings(), { rules: { 'forward.stopped': { enabled: false } } }));
    expect(applyForwardState(state, change('paused'), T0).changes).toEqual([]);
  });
});
