// The addresses a receiver bound to a host can be reached on, and its webhook URL on each.
import { networkInterfaces } from 'node:os';

export interface ReachableAddress {
  address: string;
  /** lan: another device on the network can use it; loopback: only this PC. */
  scope: 'lan' | 'loopback';
  interfaceName: string;
}

export function reachableAddresses(host: string): ReachableAddress[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  if (!wildcard) {
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
    return [{ address: host === 'localhost' ? '127.0.0.1' : host, scope: loopback ? 'loopback' : 'lan', interfaceName: '' }];
  }
  const lan: ReachableAddress[] = [];
  for (const [name, infos] of Object.entries(networkInterfaces())) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal) lan.push({ address: info.address, scope: 'lan', interfaceName: name });
    }
  }
  return [...lan, { address: '127.0.0.1', scope: 'loopback', interfaceName: 'lo' }];
}

export const webhookUrl = (address: string, port: number, path: string) =>
  `http://${address.includes(':') ? `[${address}]` : address}:${port}${path}`;
