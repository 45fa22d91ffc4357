// Where FarmHook refuses to send. LAN addresses are fine (a farm forwards to its own Node-RED or
// ERP), but cloud metadata endpoints hand out credentials to whoever asks from inside a VM, so a
// destination must never reach them, whether named by IP, by a metadata host name, or by a host
// name that resolves to one (checked again at connect time, so DNS cannot swap the address later).
import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';

const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
]);

const METADATA_ADDRESSES = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle…
  '169.254.169.253', // AWS DNS
  '169.254.169.123', // AWS time
  '169.254.170.2', // AWS ECS task credentials
  '169.254.170.23', // AWS EKS pod identity
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud (legacy)
  'fd00:ec2::254', // AWS over IPv6
  'fd00:ec2::23', // AWS EKS pod identity over IPv6
]);

/** Canonical text of an IP (IPv4-mapped IPv6 unwrapped, IPv6 compressed), or null for a name. */
function canonicalIp(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return bare;
  if (family !== 6) return null;
  const compressed = new URL(`http://[${bare}]/`).hostname.slice(1, -1).toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(compressed);
  if (mapped?.[1]) return mapped[1];
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (mappedHex?.[1] && mappedHex[2]) {
    const hi = parseInt(mappedHex[1], 16);
    const lo = parseInt(mappedHex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return compressed;
}

export function isMetadataAddress(address: string): boolean {
  const ip = canonicalIp(address);
  return ip !== null && METADATA_ADDRESSES.has(ip);
}

/** Throws when a URL's host is a metadata endpoint by name or literal address. */
export function assertAllowedHost(hostname: string): void {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (METADATA_HOSTS.has(host) || isMetadataAddress(host)) {
    throw new Error(`refused: ${host} is a cloud metadata address`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup that refuses metadata addresses; given to http.request as `lookup`, so the check
 * applies to the address actually connected to.
 */
export function safeLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((a) => isMetadataAddress(a.address));
    if (bad) {
      const refused: NodeJS.ErrnoException = new Error(`refused: ${hostname} resolves to a cloud metadata address`);
      refused.code = 'EMETADATA';
      return callback(refused, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
