import { describe, expect, it } from 'vitest';
import { splitTokenFromHash, takeToken } from './token.js';

describe('the control token in the address', () => {
  it('is found in either fragment form and removed from it', () => {
    expect(splitTokenFromHash('#token=abc')).toEqual({ token: 'abc', rest: '' });
    expect(splitTokenFromHash('#/events?token=abc&q=1')).toEqual({ token: 'abc', rest: '/events?q=1' });
    expect(splitTokenFromHash('#/health')).toEqual({ token: null, rest: '/health' });
  });

  it('moves to session storage and out of the address bar, and is remembered on reload', () => {
    window.history.replaceState(null, '', '/#token=s3cret');
    sessionStorage.clear();
    expect(takeToken(window)).toBe('s3cret');
    expect(window.location.href).not.toContain('s3cret');
    expect(sessionStorage.getItem('farmhook.controlToken')).toBe('s3cret');
    expect(takeToken(window)).toBe('s3cret');
  });
});
