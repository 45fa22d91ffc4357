// Every string the dashboard shows must exist in both languages: the keys of en and ru must match
// (up to plural suffixes), and every literal key used in the source must resolve.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { initialLanguage, setupI18n } from './index.js';
import { ru } from './ru.js';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('have the same keys in English and Russian', () => {
    const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))].sort();
    expect(base(flatten(ru as Tree))).toEqual(base(flatten(en as Tree)));
  });

  it('give Russian the few/many forms wherever English has a plural', () => {
    const ruKeys = new Set(flatten(ru as Tree));
    for (const key of flatten(en as Tree).filter((k) => k.endsWith('_one'))) {
      const stem = key.replace(PLURAL, '');
      for (const form of ['one', 'few', 'many', 'other']) expect(ruKeys, `${stem}_${form}`).toContain(`${stem}_${form}`);
    }
  });

  it('cover every literal key the components use', () => {
    // jsdom gives import.meta.url an http: scheme, so the file's folder comes from vitest's __dirname.
    const root = join(__dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const lng of ['en', 'ru'] as const) {
      const i18n = setupI18n(lng);
      const missing = [...used].filter((key) => !i18n.exists(key, { count: 2 }) && !i18n.exists(key));
      expect(missing, lng).toEqual([]);
    }
  });

  it('start in the browser language unless the operator chose one', () => {
    expect(initialLanguage(null, 'ru-RU')).toBe('ru');
    expect(initialLanguage(null, 'de-DE')).toBe('en');
    expect(initialLanguage('en', 'ru-RU')).toBe('en');
  });
});
