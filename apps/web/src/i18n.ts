import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * One JSON file per language and page (`locales/<language>/<namespace>.json`); every key exists in both languages.
 * English, which every other language falls back on, comes with the app; French comes in a chunk of its own, fetched
 * when a reader first needs it (the first screen of an English reader carries no French).
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { eager: true, import: 'default' });
const english: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [/(\w+)\.json$/.exec(path)![1]!, strings]),
);
const LATER: Record<string, () => Promise<Record<string, Record<string, unknown>>>> = {
  fr: () => import('./locales/french').then((module) => module.default),
};

/** i18next's source of a language it does not have yet. */
const later: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    const load = LATER[language];
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle[namespace] ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const LANGUAGES = { en: 'English', fr: 'Français' } as const;
export type Language = keyof typeof LANGUAGES;
const STORED = 'npa.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Settled once the reader's language is there (at once in English; French once its chunk has come). */
export const i18nReady: Promise<unknown> = i18n
  .use(later)
  .use(initReactI18next)
  .init({
    resources: { en: english },
    partialBundledLanguages: true,
    ns: Object.keys(english),
    defaultNS: 'common',
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
  .catch(() => undefined);
i18n.on('languageChanged', (language) => {
  localStorage.setItem(STORED, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language || initialLanguage();

/** The reader's own locale for a language (en-GB, fr-CA, ...), so dates and numbers follow their conventions. */
export function localeOf(language: string): string {
  return navigator.languages.find((locale) => locale.toLowerCase().startsWith(language)) ?? language;
}

// Made once per locale and options: making an Intl formatter costs far more than formatting with it, and a page
// formats a date or a number in every row.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  language: string,
  options: object | undefined,
  make: (locale: string) => T,
): T {
  const locale = localeOf(language);
  const key = JSON.stringify([kind, locale, options]);
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make(locale);
    formats.set(key, format);
  }
  return format;
}

/** The reader's date (and time) format for `options`, in their language. */
export const dateTimeFormat = (language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  formatter('date', language, options, (locale) => new Intl.DateTimeFormat(locale, options));

/** A date (YYYY-MM-DD) in the reader's language, e.g. 30 June 2025 / 30 juin 2025. */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return formatter('number', language, options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

export default i18n;
