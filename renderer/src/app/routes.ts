// The dashboard's pages, addressed by the hash (`#/events`) so the control server serves one file.
export const PAGES = ['overview', 'events', 'statistics', 'printers', 'rejections', 'health'] as const;
export type PageId = (typeof PAGES)[number];

export function pageFromHash(hash: string): PageId {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/, 1)[0] ?? '';
  return (PAGES as readonly string[]).includes(path) ? (path as PageId) : 'overview';
}

export const hrefOf = (page: PageId) => `#/${page}`;
