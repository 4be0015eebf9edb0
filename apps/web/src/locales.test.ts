import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, 'locales');
const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];
const load = (language: string, file: string) => JSON.parse(readFileSync(join(root, language, file), 'utf8')) as unknown;

describe('translations', () => {
  const files = readdirSync(join(root, 'en'));

  it('has the same files in English and French', () => {
    expect(readdirSync(join(root, 'fr')).sort()).toEqual([...files].sort());
  });

  it.each(files)('translates every string of %s, and leaves none empty', (file) => {
    const english = keys(load('en', file)).sort();
    expect(keys(load('fr', file)).sort()).toEqual(english);
    for (const language of ['en', 'fr']) {
      for (const key of keys(load(language, file))) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], load(language, file));
        expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
      }
    }
  });
});
