import { describe, expect, it } from 'vitest';
import { logsDirOf } from '../pages/health/logsDir.js';
import { hrefOfEvent, itemFromHash, pageFromHash } from './routes.js';

describe('addresses', () => {
  it('open an event from #/events/<id> (what notifications and the tray link to)', () => {
    expect(pageFromHash(hrefOfEvent('1042'))).toBe('events');
    expect(itemFromHash('#/events/1042', 'events')).toBe('1042');
    expect(itemFromHash('#/events/1042?x=1', 'events')).toBe('1042');
    expect(itemFromHash('#/events', 'events')).toBeNull();
    expect(itemFromHash('#/events/abc', 'events')).toBeNull();
    expect(itemFromHash('#/forwarding/3', 'events')).toBeNull();
    expect(itemFromHash('#/forwarding/3', 'forwarding')).toBe('3');
  });

  it('show the logs folder with the data folder’s own separator', () => {
    expect(logsDirOf('/home/farm/.local/share/farmhook')).toBe('/home/farm/.local/share/farmhook/logs/');
    expect(logsDirOf('C:\\Users\\farm\\AppData\\Roaming\\FarmHook\\')).toBe('C:\\Users\\farm\\AppData\\Roaming\\FarmHook\\logs\\');
  });
});
