import {
  type CountryCode,
  getCountries,
  isSupportedCountry,
  isValidPhoneNumber,
  Metadata,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max';
import { HELPLINES, STOPWORDS } from './lexicon.js';

/** The plan's country as libphonenumber knows it, if it does. */
export function planCountry(country: string | undefined): CountryCode | undefined {
  if (typeof country !== 'string') return undefined;
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code as CountryCode, metadata) ? (code as CountryCode) : undefined;
}

// libphonenumber across regions.
interface NumberingPlanInternals {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
}
interface RegionPattern {
  readonly country: CountryCode;
  readonly national: RegExp;
  readonly prefix: RegExp | undefined;
}

let regionPatterns: RegionPattern[] | undefined;

/** Every region's national number pattern, compiled once (libphonenumber recompiles them on each call). */
export function regions(): RegionPattern[] {
  if (regionPatterns) return regionPatterns;
  const plans = new Metadata(metadata);
  const list: RegionPattern[] = [];
  for (const country of getCountries(metadata)) {
    try {
      plans.selectNumberingPlan(country);
      const plan = plans.numberingPlan as unknown as NumberingPlanInternals | undefined;
      if (!plan) continue;
      const prefix = plan.nationalPrefixForParsing();
      list.push({
        country,
        national: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
        prefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
      });
    } catch {
      // A region whose metadata does not compile is left out; the others still count.
    }
  }
  regionPatterns = list;
  return list;
}

const validCache = new Map<string, readonly CountryCode[]>();

/** The regions in which these digits, written nationally, are a valid phone number (libphonenumber decides). */
export function validRegions(digits: string): readonly CountryCode[] {
  const cached = validCache.get(digits);
  if (cached) return cached;
  const found: CountryCode[] = [];
  for (const region of regions()) {
    const stripped = region.prefix?.exec(digits);
    const national = stripped && stripped[0].length > 0 ? digits.slice(stripped[0].length) : digits;
    if (!region.national.test(national) && !region.national.test(digits)) continue;
    if (isValidPhoneNumber(digits, region.country, metadata)) found.push(region.country);
  }
  if (validCache.size > 2000) validCache.clear();
  validCache.set(digits, found);
  return found;
}

/** Whether the writer grouped the digits exactly as some region where they are valid formats them nationally. */
const groupedCache = new Map<string, boolean>();

export function groupedLikeARegion(digits: string, lengths: readonly number[]): boolean {
  const key = `${digits}:${lengths.join(',')}`;
  const cached = groupedCache.get(key);
  if (cached !== undefined) return cached;
  const result = groupedLikeARegionUncached(digits, lengths);
  if (groupedCache.size > 2000) groupedCache.clear();
  groupedCache.set(key, result);
  return result;
}

function groupedLikeARegionUncached(digits: string, lengths: readonly number[]): boolean {
  for (const country of validRegions(digits).slice(0, 24)) {
    const parsed = parsePhoneNumberFromString(digits, country, metadata);
    if (!parsed?.isValid()) continue;
    const formatted = (parsed.formatNational().match(/\d+/g) ?? []).map((g) => g.length);
    const total = formatted.reduce((a, b) => a + b, 0);
    const extra = total - digits.length;
    if (extra > 0 && formatted[0] !== undefined) {
      formatted[0] -= extra;
      if (formatted[0] <= 0) formatted.shift();
    }
    if (formatted.length === lengths.length && formatted.every((len, k) => len === lengths[k])) return true;
  }
  return false;
}

export function validInternational(digits: string): boolean {
  try {
    return parsePhoneNumberFromString(`+${digits}`, metadata)?.isValid() ?? false;
  } catch {
    return false;
  }
}

const validInCache = new Map<string, boolean>();

export function validIn(text: string, country: CountryCode | undefined): boolean {
  if (!country) return false;
  const key = `${country}:${text}`;
  const cached = validInCache.get(key);
  if (cached !== undefined) return cached;
  let valid = false;
  try {
    valid = isValidPhoneNumber(text, country, metadata);
  } catch {
    valid = false;
  }
  if (validInCache.size > 2000) validInCache.clear();
  validInCache.set(key, valid);
  return valid;
}

export const COUNTED = new RegExp(
  String.raw`^\s(?!(?:${[...STOPWORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\b)\p{Ll}{3,}(?![\p{L}\p{N}_@.#])`,
  'u',
);

export const isHelpline = (digits: string): boolean => HELPLINES.has(digits) || HELPLINES.has(digits.replace(/^(?:\+|00)?1/, '1'));
