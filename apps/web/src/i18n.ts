import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/** One JSON file per language and page (`locales/<language>/<namespace>.json`); every key exists in both languages. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const [, language, namespace] = /\.\/locales\/(\w+)\/(\w+)\.json$/.exec(path)!;
  (resources[language!] ??= {})[namespace!] = module.default;
}

export const LANGUAGES = { en: 'English', fr: 'Français' } as const;
export type Language = keyof typeof LANGUAGES;
const STORED = 'npa.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  ns: Object.keys(resources['en'] ?? {}),
  defaultNS: 'common',
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
i18n.on('languageChanged', (language) => {
  localStorage.setItem(STORED, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

/** The reader's own locale for a language (en-GB, fr-CA, ...), so dates and numbers follow their conventions. */
export function localeOf(language: string): string {
  return navigator.languages.find((locale) => locale.toLowerCase().startsWith(language)) ?? language;
}

/** A date (YYYY-MM-DD) in the reader's language, e.g. 30 June 2025 / 30 juin 2025. */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeOf(language), options).format(value);
}

export default i18n;
