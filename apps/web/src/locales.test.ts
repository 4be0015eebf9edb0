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

/** Every rule the domain and the application refuse by, as `RuleViolation('rule', …)` in their sources. */
function rulesInSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rulesInSources(path);
    if (!entry.name.endsWith('.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/RuleViolation\(\s*'([a-z_]+\.[a-z_]+)'/g)].map((match) => match[1]!);
  });
}

describe('error messages', () => {
  it("has the reader's words for every rule the api refuses by, in each language", () => {
    const rules = [
      ...new Set([
        ...rulesInSources(join(__dirname, '../../../libs/domain/src')),
        ...rulesInSources(join(__dirname, '../../../libs/application/src')),
      ]),
    ].sort();
    expect(rules.length).toBeGreaterThan(50);
    for (const language of ['en', 'fr']) {
      const byAggregate = (load(language, 'errors.json') as { rule: Record<string, Record<string, string>> }).rule;
      const translated = Object.entries(byAggregate).flatMap(([aggregate, rules]) =>
        Object.keys(rules).map((rule) => `${aggregate}.${rule}`),
      );
      expect(rules.filter((rule) => !translated.includes(rule))).toEqual([]);
    }
  });
});
