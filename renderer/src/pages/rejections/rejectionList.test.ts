import { describe, expect, it } from 'vitest';
import type { RejectionItem } from '../../../../src/shared/schemas.js';
import { addPushed, appendPage, mergeFirstPage } from './rejectionList.js';

const rej = (id: number) => ({ id: String(id), reason: 'malformed_json' }) as RejectionItem;
const ids = (list: readonly RejectionItem[]) => list.map((r) => r.id);

describe('the refused-deliveries list', () => {
  it('keeps a row pushed while the first page was being read (the page predates it)', () => {
    const shown = addPushed([], rej(12));
    expect(ids(mergeFirstPage(shown, [rej(11), rej(10)]))).toEqual(['12', '11', '10']);
  });

  it('keeps pushed rows when the page read before them was empty', () => {
    expect(ids(mergeFirstPage([rej(1)], []))).toEqual(['1']);
  });

  it('takes the page for everything it covers, without repeating rows', () => {
    expect(ids(mergeFirstPage([rej(12), rej(11), rej(3)], [rej(12), rej(11), rej(10)]))).toEqual(['12', '11', '10']);
  });

  it('appends further pages and ignores repeated pushes', () => {
    expect(ids(appendPage([rej(3), rej(2)], [rej(2), rej(1)]))).toEqual(['3', '2', '1']);
    const shown = [rej(3)];
    expect(addPushed(shown, rej(3))).toBe(shown);
  });
});
