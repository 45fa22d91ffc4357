// The dashboard's pages, addressed by the hash (`#/events`) so the control server serves one file.
export const PAGES = ['overview', 'events', 'alerts', 'statistics', 'printers', 'forwarding', 'rejections', 'health', 'setup'] as const;
export type PageId = (typeof PAGES)[number];

export function pageFromHash(hash: string): PageId {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/, 1)[0] ?? '';
  return (PAGES as readonly string[]).includes(path) ? (path as PageId) : 'overview';
}

export const hrefOf = (page: PageId) => `#/${page}`;

/**
 * The item a page's address names, as in `#/events/1042` (notifications and tray alerts open an
 * event this way) or `#/forwarding/3`; null when the address names none.
 */
export function itemFromHash(hash: string, page: PageId): string | null {
  const match = /^#?\/?([a-z]+)\/([0-9]{1,15})(?:[?/]|$)/.exec(hash);
  return match && match[1] === page ? match[2]! : null;
}

export const hrefOfEvent = (id: string) => `#/events/${id}`;
export const hrefOfItem = (page: PageId, id: string) => `#/${page}/${id}`;
