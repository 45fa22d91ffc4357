import { describe, expect, it } from 'vitest';
import { composeBaseUrl, splitBaseUrl, webhookUrlOf } from './publicUrl.js';

describe('the public address of a port forward', () => {
  it('becomes an http base URL from a name or an IP and the router port', () => {
    expect(composeBaseUrl({ host: ' farm.example.net ', port: '13000' })).toBe('http://farm.example.net:13000');
    expect(composeBaseUrl({ host: '203.0.113.7', port: '8080' })).toBe('http://203.0.113.7:8080');
    expect(composeBaseUrl({ host: '2001:db8::7', port: '13000' })).toBe('http://[2001:db8::7]:13000');
    expect(composeBaseUrl({ host: 'farm.example.net', port: '80' })).toBe('http://farm.example.net');
    expect(composeBaseUrl({ host: '', port: '13000' })).toBeNull();
  });

  it('takes a pasted URL as it is, without the webhook path', () => {
    expect(composeBaseUrl({ host: 'https://farm.example.net/api/v1/simplyprint/webhook/', port: '13000' })).toBe('https://farm.example.net');
    expect(webhookUrlOf('http://farm.example.net:13000')).toBe('http://farm.example.net:13000/api/v1/simplyprint/webhook');
    expect(webhookUrlOf(null)).toBeNull();
  });

  it('splits a saved base URL back into the fields', () => {
    expect(splitBaseUrl('http://farm.example.net:13000', 13000)).toEqual({ host: 'farm.example.net', port: '13000' });
    expect(splitBaseUrl('http://[2001:db8::7]:13000', 13000)).toEqual({ host: '2001:db8::7', port: '13000' });
    expect(splitBaseUrl('https://farm.example.net', 13000)).toEqual({ host: 'https://farm.example.net', port: '13000' });
    expect(splitBaseUrl(null, 13000)).toEqual({ host: '', port: '13000' });
  });
});
