// The refused-deliveries list is newest first and only grows at the top (ids rise), so merging a
// freshly read first page with what is shown is exact: rows pushed while the page was being read
// are newer than its newest row and stay on top; everything else comes from the page.
import type { RejectionItem } from '../../../../src/shared/schemas.js';

const newer = (a: RejectionItem, b: RejectionItem | undefined) => b === undefined || Number(a.id) > Number(b.id);

export function mergeFirstPage(shown: readonly RejectionItem[], page: readonly RejectionItem[]): RejectionItem[] {
  const raced = shown.filter((item) => newer(item, page[0]));
  return [...raced, ...page];
}

export function appendPage(shown: readonly RejectionItem[], page: readonly RejectionItem[]): RejectionItem[] {
  const ids = new Set(shown.map((item) => item.id));
  return [...shown, ...page.filter((item) => !ids.has(item.id))];
}

export function addPushed(shown: readonly RejectionItem[], pushed: RejectionItem): readonly RejectionItem[] {
  return shown.some((item) => item.id === pushed.id) ? shown : [pushed, ...shown];
}
