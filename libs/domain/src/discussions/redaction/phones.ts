import {
  type CountryCode,
  findPhoneNumbersInText,
  getCountries,
  isSupportedCountry,
  isValidPhoneNumber,
  Metadata,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max';
import { alt, AMOUNT_CUES, HELPLINES, NUMBER_WORDS, PHONE_CUES, POSSESSIVES, REFERENCE_CUES, STOPWORDS } from './lexicon.js';
import { derive, nextIndex, OPAQUE, type View } from './text-view.js';

/**
 * Phone numbers. libphonenumber (full "max" metadata) decides what is a valid number: international numbers for every
 * region by their calling code, national numbers for the plan's country first, then for every region whose national
 * format the writer used. Around it, the shapes that are not phone numbers (dates, years, times, amounts, decimals,
 * references to laws and standards, child helplines) are set aside, and the shapes people use to get a number past a
 * filter (digits one by one, split by `/`, `_`, `,` or emoji, a trunk `0`, a word such as "call" or "zap") are taken.
 */

export function planCountry(country: string | undefined): CountryCode | undefined {
  if (typeof country !== 'string') return undefined;
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code as CountryCode, metadata) ? (code as CountryCode) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Digits written with letters ("O7911 l23456", "3oo"): inside a token of digits, O is 0 and l, I, | are 1.
const LEET = /(?<![\p{L}\p{N}|])(?=[OoIl|]*[0-9])[0-9OoIl|]+(?![\p{L}\p{N}|])/gu;

export function phoneView(folded: View): View {
  if (!/[0-9][OoIl|]|[OoIl|][0-9]/.test(folded.text)) return folded;
  return derive(folded, LEET, (m) => {
    const token = m[0];
    if (!/[OoIl|]/.test(token) || (token.match(/\d/g) ?? []).length < 2) return null;
    return token.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
  });
}

// ---------------------------------------------------------------------------------------------------------------
interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

interface Run {
  readonly start: number;
  readonly groups: Group[];
  readonly plus: boolean;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const SEPARATOR = /^(?:[\s\-./_,()[\]·•–—~|*:'’\\=]|\p{Extended_Pictographic}|\p{So})$/u;
const LETTER = /^\p{L}$/u;

/** Digit groups joined by at most four separator characters (one line). */
function scanRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i += 1;
      continue;
    }
    const groups: Group[] = [];
    let j = i;
    for (;;) {
      const gs = j;
      while (isDigit(text[j])) j += 1;
      groups.push({ start: gs, end: j, digits: text.slice(gs, j) });
      let k = j;
      let count = 0;
      let newline = false;
      while (k < text.length && count < 4) {
        const cp = text.codePointAt(k) ?? 0;
        const ch = String.fromCodePoint(cp);
        if (!SEPARATOR.test(ch)) break;
        if (ch === '\n') newline = true;
        k += ch.length;
        count += 1;
      }
      if (k > j && !newline && isDigit(text[k])) {
        j = k;
        continue;
      }
      break;
    }
    // "9.30am", "2nd": a short last group glued to a word is not part of a number.
    const last = groups[groups.length - 1];
    if (last && groups.length > 1 && last.digits.length <= 2 && LETTER.test(text[last.end] ?? '')) groups.pop();
    // "costa10 612/34/56/78", "G20 2013": digits that end a word are not the start of a number.
    if (groups.length > 1 && (groups[0]?.digits.length ?? 0) <= 2 && LETTER.test(text[i - 1] ?? '')) {
      groups.shift();
      i = groups[0]?.start ?? i;
    }
    let start = i;
    let plus = false;
    if (text[i - 1] === '+') {
      plus = true;
      start = i - 1;
      if (text[i - 2] === '(') start = i - 2;
    } else if (text[i - 1] === ' ' && text[i - 2] === '+') {
      plus = true;
      start = i - 2;
    } else if (text[i - 1] === '(') {
      start = i - 1;
      if (text[i - 2] === '+') {
        plus = true;
        start = i - 2;
      }
    }
    runs.push({ start, groups, plus });
    i = j;
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------
// Context.
/** Words that say "phone": found once over the whole text, then looked up by position. */
const CUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alt(PHONE_CUES)})(?![\p{L}])|(?<![\p{L}])(?:${alt(POSSESSIVES)})\s+(?:${alt(NUMBER_WORDS)})(?![\p{L}])(?!\s+(?:of|de|do|da|des|du|d')\b)|(?<![\p{L}])(?:${alt(NUMBER_WORDS)})\s*(?:[:=#]|is\b|es\b|e\b|est\b|c'?est\b|eh\b)`,
  'giu',
);
/** "… is my number", "… es mi wsp", "… c'est mon num": a cue after the number. */
const GIVEN_AS_MINE = /(?<![\p{L}])(?:is|es|e|est|c'?est|eh)\s+(?:my|mi|mon|ma|meu|o meu|el)(?![\p{L}])/giu;
const SENTENCE_BREAK = /[.!?]\s|\n/;

class Cues {
  private readonly cues: { start: number; end: number; before: boolean }[] = [];

  constructor(private readonly text: string) {
    for (const pattern of [CUE, GIVEN_AS_MINE]) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        this.cues.push({ start: m.index, end: m.index + m[0].length, before: pattern === CUE });
        if (m[0].length === 0) pattern.lastIndex = nextIndex(text, m.index);
      }
    }
  }

  /** The cues that introduce a number ("call", "my number", "zap"). */
  phoneCues(): readonly { start: number; end: number }[] {
    return this.cues.filter((c) => c.before);
  }

  /** A cue in the 40 characters before `at`, in the same sentence, with no other number (or redaction) between. */
  before(at: number): boolean {
    return this.cues.some((c) => c.end <= at && c.end >= at - 40 && !SENTENCE_BREAK.test(this.text.slice(c.end, at)) && !/[\d\uFFFC]/.test(this.text.slice(c.end, at)));
  }

  /** A cue right after `at` (after at most four characters that are not letters, digits or a redaction). */
  after(at: number): boolean {
    return this.cues.some((c) => c.start >= at && c.start <= at + 4 && /^[^\p{L}\p{N}\uFFFC]*$/u.test(this.text.slice(at, c.start)));
  }

  around(start: number, end: number): boolean {
    return this.before(start) || this.after(end);
  }
}

const REFERENCE_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${alt(REFERENCE_CUES)})\.?\s*(?:n\s*[o°º.]\.?\s*|no\.?\s*|nr\.?\s*|#\s*)?(?:\([\p{L}\s]{1,12}\)\s*)?[:\-]?\s*$`,
  'iu',
);
const CURRENCY_BEFORE = /(?:[$€£¥]|\b(?:r\$|us\$|usd|eur|gbp|brl|mxn|cop|crc|thb|chf))\s*$/iu;
const AMOUNT_AFTER = new RegExp(String.raw`^\s?(?:%|‰|°|º|(?:${alt(AMOUNT_CUES)})(?![\p{L}]))`, 'iu');

/** The clause before a position: up to 40 characters, cut at the end of the previous sentence. */
function before(text: string, at: number, size = 40): string {
  const window = text.slice(Math.max(0, at - size), at);
  const cut = Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? '].map((s) => window.lastIndexOf(s) + 1));
  return cut > 0 ? window.slice(cut) : window;
}

function after(text: string, at: number, size = 25): string {
  return text.slice(at, at + size);
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes that are not phone numbers.
type Kind = 'fixed' | 'amount' | undefined;

const isYear = (d: string): boolean => /^(?:19|20)\d\d$/.test(d);
const dayMonth = (a: number, b: number): boolean => (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);

function kinds(text: string, groups: readonly Group[]): Kind[] {
  const n = groups.length;
  const out: Kind[] = new Array<Kind>(n).fill(undefined);
  const sep = (g: number): string => {
    const a = groups[g];
    const b = groups[g + 1];
    return a && b ? text.slice(a.end, b.start) : '';
  };
  const d = (g: number): string => groups[g]?.digits ?? '';
  /** A shape joined by `s` must not continue with `s` on either side ("06/12/34/56/78" is not a date). */
  const closed = (first: number, last: number, s: string): boolean => !(first > 0 && sep(first - 1) === s) && !(last < n - 1 && sep(last) === s);
  const mark = (first: number, last: number, kind: Kind): void => {
    for (let g = first; g <= last; g += 1) if (out[g] === undefined) out[g] = kind;
  };

  for (let g = 0; g < n; g += 1) {
    // Dates: 31/12/2013, 12.31.13, 2013-12-31.
    if (g + 2 < n) {
      const s = sep(g);
      if ((s === '/' || s === '.' || s === '-') && sep(g + 1) === s && closed(g, g + 2, s)) {
        const [a, b, c] = [d(g), d(g + 1), d(g + 2)];
        const dmy = a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2) && dayMonth(Number(a), Number(b));
        const ymd = a.length === 4 && isYear(a) && b.length <= 2 && c.length <= 2 && Number(b) >= 1 && Number(b) <= 12 && Number(c) >= 1 && Number(c) <= 31;
        if (dmy || ymd) mark(g, g + 2, 'fixed');
      }
    }
    // Times: 14:30, 09:30:00 (a chain of two or three groups joined by colons).
    if (sep(g) === ':' && !(g > 0 && sep(g - 1) === ':')) {
      let last = g + 1;
      while (last + 1 < n && sep(last) === ':') last += 1;
      const chain = last - g + 1;
      const parts = Array.from({ length: chain }, (_, k) => d(g + k));
      const [h, ...rest] = parts;
      if (chain <= 3 && h !== undefined && h.length <= 2 && Number(h) <= 24 && rest.every((p) => p.length === 2 && Number(p) <= 59)) mark(g, last, 'fixed');
    }
    if (g + 1 < n) {
      const s = sep(g);
      const [a, b] = [d(g), d(g + 1)];
      // Month and year: 03/2013.
      if ((s === '/' || s === '.' || s === '-') && a.length <= 2 && Number(a) >= 1 && Number(a) <= 12 && isYear(b) && closed(g, g + 1, s)) mark(g, g + 1, 'fixed');
      // Year ranges and school years: 2010-11, 2010/11.
      if ((s === '-' || s === '/' || s === '–') && isYear(a) && b.length === 2 && closed(g, g + 1, s)) mark(g, g + 1, 'fixed');
      // Decimals: 52.3676, 3,5 (not thousands).
      if ((s === '.' || s === ',') && closed(g, g + 1, s) && a.length <= 3 && (a === '0' || !a.startsWith('0')) && b.length <= 6 && (b.length !== 3 || a === '0')) mark(g, g + 1, 'fixed');
    }
    // Amounts: 1,000,000 / 1 000 000 / 2.500.000,00 / 612 345 678.
    const first = d(g);
    if (first.length >= 1 && first.length <= 3 && !first.startsWith('0') && g + 1 < n) {
      const s = sep(g);
      if ([',', '.', ' ', "'", '’', '\u202F', '\u00A0'].includes(s) && !(g > 0 && sep(g - 1) === s)) {
        let last = g;
        while (last + 1 < n && sep(last) === s && d(last + 1).length === 3) last += 1;
        if (last > g && !(last + 1 < n && sep(last) === s)) {
          let end = last;
          const decimal = sep(last);
          if (last + 1 < n && (decimal === ',' || decimal === '.') && decimal !== s && d(last + 1).length <= 2) end = last + 1;
          mark(g, end, 'amount');
        }
      }
    }
  }
  // Years: on their own, in lists and ranges ("2010 2011 2012", "2009-2013", "(2010 census)"), never glued by a
  // space or a dot to digits that are not a year ("06 2012 3456" is a number).
  const listLike = (s: string): boolean => /[,;()\[\]–—&]|\s[-/]\s|^\s*-\s*$|^\/$/.test(s);
  for (let g = 0; g < n; g += 1) {
    if (out[g] !== undefined || !isYear(d(g))) continue;
    const leftOk = g === 0 || isYear(d(g - 1)) || out[g - 1] === 'fixed' || listLike(sep(g - 1));
    const rightOk = g === n - 1 || isYear(d(g + 1)) || out[g + 1] === 'fixed' || listLike(sep(g));
    if (leftOk && rightOk) out[g] = 'fixed';
  }
  // Percentages and degrees: 45%, 12,5 %, 2°.
  for (let g = 0; g < n; g += 1) {
    const group = groups[g];
    if (group && /^\s?[%‰°º]/.test(text.slice(group.end, group.end + 2))) {
      out[g] = 'fixed';
      if (g > 0 && (sep(g - 1) === '.' || sep(g - 1) === ',')) out[g - 1] = 'fixed';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
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
function regions(): RegionPattern[] {
  if (regionPatterns) return regionPatterns;
  const plans = new Metadata(metadata);
  const list: RegionPattern[] = [];
  for (const country of getCountries(metadata)) {
    try {
      plans.selectNumberingPlan(country);
      const plan = plans.numberingPlan as unknown as NumberingPlanInternals | undefined;
      if (!plan) continue;
      const prefix = plan.nationalPrefixForParsing();
      list.push({ country, national: new RegExp(`^(?:${plan.nationalNumberPattern()})$`), prefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined });
    } catch {
      // A region whose metadata does not compile is left out; the others still count.
    }
  }
  regionPatterns = list;
  return list;
}

const validCache = new Map<string, readonly CountryCode[]>();

/** The regions in which these digits, written nationally, are a valid phone number (libphonenumber decides). */
function validRegions(digits: string): readonly CountryCode[] {
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

function groupedLikeARegion(digits: string, lengths: readonly number[]): boolean {
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

function validInternational(digits: string): boolean {
  try {
    return parsePhoneNumberFromString(`+${digits}`, metadata)?.isValid() ?? false;
  } catch {
    return false;
  }
}

const validInCache = new Map<string, boolean>();

function validIn(text: string, country: CountryCode | undefined): boolean {
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

const COUNTED = new RegExp(String.raw`^\s(?!(?:${[...STOPWORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\b)\p{Ll}{3,}(?![\p{L}\p{N}_@.#])`, 'u');

const isHelpline = (digits: string): boolean => HELPLINES.has(digits) || HELPLINES.has(digits.replace(/^(?:\+|00)?1/, '1'));

// ---------------------------------------------------------------------------------------------------------------
export interface Found {
  readonly start: number;
  readonly end: number;
}

/** The all-region look-ups are the slow part: a text gets a bounded number of them (deterministic, first come). */
interface Budget {
  /** libphonenumber look-ups left for this text: each costs tens of microseconds, a hostile text could ask thousands. */
  lookups: number;
  readonly cues: Cues;
}
const LOOKUPS_PER_TEXT = 48;

/**
 * Phone numbers in a view made by `phoneView` (positions in that view): each run of digits is read for the shapes
 * above and by libphonenumber (international numbers, every region's national formats); with a plan country,
 * libphonenumber's own finder then reads the runs left, in that country's national formats.
 */
export function findPhones(view: View, country: CountryCode | undefined): Found[] {
  const text = view.text;
  const found: Found[] = [];
  const budget: Budget = { lookups: LOOKUPS_PER_TEXT, cues: new Cues(text) };
  const left: Run[] = [];
  const runs = scanRuns(text);
  for (const run of runs) {
    const total = run.groups.reduce((sum, g) => sum + g.digits.length, 0);
    if (total < 7 || !run.groups[0]) continue;
    if (!run.plus && REFERENCE_BEFORE.test(before(text, run.start, 30))) continue;
    const phones = phonesInRun(text, run, country, budget);
    if (phones.length > 0) found.push(...phones);
    else left.push(run);
  }
  if (country && left.length > 0) found.push(...withLibrary(text, left, country, budget.cues));
  found.push(...splitNumbers(text, runs, budget.cues, found));
  return found;
}

/**
 * A number given in pieces after a cue: "my number starts with 0791 and ends with 123456". Two to four runs of three
 * digits or more right after the cue (no other number, reference or redaction before or between them, in the same
 * sentence, close together), seven to fifteen digits in all, one of them starting with 0 or five digits long.
 */
function splitNumbers(text: string, runs: readonly Run[], cues: Cues, found: readonly Found[]): Found[] {
  const pieces: Found[] = [];
  const endOf = (run: Run): number => run.groups[run.groups.length - 1]?.end ?? run.start;
  for (const cue of cues.phoneCues()) {
    const after: Run[] = [];
    let from = cue.end;
    for (const whole of runs) {
      if (whole.start < cue.end) continue;
      // What was already taken ends the run: "… 123456   4 1 5 5 5 5 2 6 7 1" when the second number was found.
      const firstTaken = whole.groups.findIndex((g) => found.some((f) => f.start < g.end && f.end > g.start));
      const run: Run = firstTaken < 0 ? whole : { ...whole, groups: whole.groups.slice(0, firstTaken) };
      if (run.groups.length === 0) break;
      const gap = text.slice(from, run.start);
      if (run.start - from > 40 || SENTENCE_BREAK.test(gap) || gap.includes(OPAQUE) || found.some((f) => f.start < run.start && f.end > from)) break;
      const digits = run.groups.map((g) => g.digits).join('');
      const harmless = kinds(text, run.groups).some((k) => k !== undefined) || REFERENCE_BEFORE.test(before(text, run.start, 30));
      if (digits.length < 3 || isHelpline(digits) || harmless) break;
      after.push(run);
      from = endOf(run);
      if (after.length > 4) break;
    }
    if (after.length < 2 || after.length > 4) continue;
    const digits = after.map((run) => run.groups.map((g) => g.digits).join(''));
    const total = digits.reduce((sum, d) => sum + d.length, 0);
    if (total < 7 || total > 15 || !digits.some((d) => d.startsWith('0') || d.length >= 5)) continue;
    for (const run of after) pieces.push({ start: run.start, end: endOf(run) });
  }
  return pieces;
}

function phonesInRun(text: string, run: Run, country: CountryCode | undefined, budget: Budget): Found[] {
  const groups = run.groups;
  const n = groups.length;
  const found: Found[] = [];
  const sep = (g: number): string => text.slice(groups[g]?.end ?? 0, groups[g + 1]?.start ?? 0);
  const startOf = (g: number): number => (g === 0 ? run.start : (groups[g]?.start ?? 0));
  const endOf = (g: number): number => groups[g]?.end ?? 0;
  const cueAround = (a: number, b: number): boolean => budget.cues.around(startOf(a), endOf(b));

  // An international number, as libphonenumber reads it, wins over every other reading.
  if (run.plus || (groups[0]?.digits.startsWith('00') ?? false)) {
    const intl = internationalDigits(text, run);
    if (intl && validInternational(intl) && !isHelpline(intl)) return [{ start: run.start, end: endOf(n - 1) }];
  }

  const kind = kinds(text, groups);
  // Amounts are amounts unless a word around says the number is a phone number ("llámame al 612 345 678").
  for (let g = 0; g < n; g += 1) {
    if (kind[g] !== 'amount') continue;
    let last = g;
    while (last + 1 < n && kind[last + 1] === 'amount') last += 1;
    const cue = cueAround(g, last);
    for (let k = g; k <= last; k += 1) kind[k] = cue ? undefined : 'fixed';
    g = last;
  }
  // What is left, cut at list separators ("12, 14, 15, 18") and at punctuation between spaces (" . "), is tried as
  // phone numbers.
  const cue = cueAround(0, n - 1);
  let g = 0;
  while (g < n) {
    if (kind[g] !== undefined) {
      g += 1;
      continue;
    }
    let last = g;
    while (last + 1 < n && kind[last + 1] === undefined && (cue || !/^\s*[,;]\s+$/.test(sep(last))) && !/^\s+[.,;:]\s+$/.test(sep(last))) last += 1;
    found.push(...segment(text, run, g, last, country, budget));
    g = last + 1;
  }
  return found;
}

function internationalDigits(text: string, run: Run): string | undefined {
  const groups = run.groups;
  let digits = '';
  groups.forEach((group, k) => {
    // "+44 (0)7911…": the trunk 0 in brackets is not dialled from abroad.
    const inBrackets = text[group.start - 1] === '(' && text[group.end] === ')';
    if (k > 0 && group.digits === '0' && inBrackets) return;
    digits += group.digits;
  });
  if (!run.plus) {
    if (!/^00[1-9]/.test(digits)) return undefined;
    digits = digits.slice(2);
  }
  return digits.length >= 7 && digits.length <= 15 ? digits : undefined;
}

/** The longest phone number starting at each group, left to right. */
function segment(text: string, run: Run, first: number, last: number, country: CountryCode | undefined, budget: Budget): Found[] {
  const found: Found[] = [];
  const digitsOf = (a: number, b: number): string => run.groups.slice(a, b + 1).map((g) => g.digits).join('');
  let a = first;
  while (a <= last) {
    let taken = -1;
    let helpline = -1;
    // No phone number is longer than 17 digits written: only the groups that fit are tried.
    let longest = a;
    let count = run.groups[a]?.digits.length ?? 0;
    while (longest < last && count + (run.groups[longest + 1]?.digits.length ?? 0) <= 17) {
      longest += 1;
      count += run.groups[longest]?.digits.length ?? 0;
    }
    for (let b = longest; b >= a; b -= 1) {
      // A child helpline stays whole: no part of it is taken for a phone number either.
      if (isHelpline(digitsOf(a, b)) || isHelpline(digitsOf(a, b).replace(/^00/, ''))) {
        helpline = b;
        break;
      }
      if (isPhone(text, run, a, b, country, budget)) {
        taken = b;
        break;
      }
    }
    if (helpline >= 0) {
      a = helpline + 1;
      continue;
    }
    if (taken < 0) {
      a += 1;
      continue;
    }
    const startGroup = run.groups[a];
    const endGroup = run.groups[taken];
    if (startGroup && endGroup) found.push({ start: a === 0 ? run.start : startGroup.start, end: endGroup.end });
    a = taken + 1;
  }
  return found;
}

/** Separators nobody writes inside an amount or a date. */
const EXPLICIT = /^\s*(?:[/_|~*\\]|\p{Extended_Pictographic}|\p{So})+\s*$|^,$/u;

function isPhone(text: string, run: Run, a: number, b: number, country: CountryCode | undefined, budget: Budget): boolean {
  const groups = run.groups.slice(a, b + 1);
  const digits = groups.map((g) => g.digits).join('');
  const firstGroup = groups[0];
  const lastGroup = groups[groups.length - 1];
  if (!firstGroup || !lastGroup) return false;
  const start = a === 0 ? run.start : firstGroup.start;
  const plus = a === 0 && run.plus;
  const idd = !plus && /^00[1-9]/.test(digits);
  if (digits.length < 7 || digits.length > (plus || idd ? 17 : 15)) return false;
  if (isHelpline(digits) || isHelpline(digits.replace(/^00/, ''))) return false;
  const seps = groups.slice(1).map((g, k) => text.slice(groups[k]?.end ?? 0, g.start));
  const lengths = groups.map((g) => g.digits.length);

  if (plus || idd) {
    const national = idd ? digits.slice(2) : digits;
    return national.length >= 7 && national.length <= 15;
  }
  if (budget.cues.around(start, lastGroup.end)) return true;
  // A trunk prefix: amounts, years and references do not start with 0.
  if (digits.startsWith('0') && !digits.startsWith('00') && digits.length >= 9) return true;
  // North American shapes: (555) 123-4567, 555.123.4567, 1-555-123-4567.
  const nanp = lengths.join(',');
  if ((digits.length === 10 && (nanp === '3,3,4' || nanp === '3,7')) || (digits.length === 11 && nanp === '1,3,3,4' && digits.startsWith('1'))) return true;
  // An area code in brackets: (11) 98765-4321, (021) 555 0199.
  if (text[firstGroup.start - 1] === '(' && text[firstGroup.end] === ')' && firstGroup.digits.length <= 4 && digits.length >= 8) return true;
  // Separators nobody writes inside an amount or a date: 07911/123/456, 06_12_34, 06,12,34 (no space), emoji.
  if (digits.length >= 8 && seps.length > 0 && seps.every((s) => EXPLICIT.test(s))) return true;
  // Digits one by one or in pairs: 0 7 9 1 1…, 06 12 34 56 78.
  const plain = seps.every((s) => /^[\s.\-–—]+$/.test(s));
  if (digits.length >= 8 && plain && lengths.length >= 6 && lengths.every((l) => l === 1)) return true;
  if (digits.length >= 8 && plain && lengths.length >= 4 && lengths.every((l) => l <= 2)) return true;
  // Amounts ("2100000 tourists", "$ 12345678") and round numbers are not phone numbers.
  const bare = groups.length === 1;
  const round = /000$/.test(digits);
  const amount = CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || AMOUNT_AFTER.test(after(text, lastGroup.end, 20));
  if (amount || round) return false;
  // A bare number followed by a word of its sentence counts something ("12345678 followers").
  if (bare && COUNTED.test(after(text, lastGroup.end, 30))) return false;
  if (bare && digits.length >= 9) return true;
  if (budget.lookups <= 0) return false;
  budget.lookups -= 1;
  // The plan's country first.
  if (validIn(text.slice(start, lastGroup.end), country)) return true;
  // Every region: valid there, and written (grouped) the way that region writes its numbers.
  if (bare) return digits.length === 8 && validRegions(digits).length > 0;
  return groupedLikeARegion(digits, lengths);
}

/**
 * libphonenumber's own finder with the plan's country as the default, over the runs nothing else took (one call, the
 * runs kept apart): what it calls a valid number is a phone number unless it is a child helpline or a date, year,
 * amount or reference.
 */
function withLibrary(text: string, runs: readonly Run[], country: CountryCode, cues: Cues): Found[] {
  const parts: { run: Run; at: number; length: number }[] = [];
  let joined = '';
  for (const run of runs) {
    const end = run.groups[run.groups.length - 1]?.end ?? run.start;
    // A written phone number is short: a long run of digits is read by the shapes above only.
    if (end - run.start > 40 || kinds(text, run.groups).every((k) => k === 'fixed')) continue;
    parts.push({ run, at: joined.length, length: end - run.start });
    joined += `${text.slice(run.start, end)} ~~~ `;
  }
  if (parts.length === 0) return [];
  let matches: ReturnType<typeof findPhoneNumbersInText> = [];
  try {
    matches = findPhoneNumbersInText(joined, { defaultCountry: country }, metadata);
  } catch {
    matches = [];
  }
  const found: Found[] = [];
  for (const match of matches) {
    const part = parts.find((p) => match.startsAt >= p.at && match.startsAt < p.at + p.length);
    if (!part) continue;
    const run = part.run;
    const start = run.start + (match.startsAt - part.at);
    const end = run.start + (Math.min(match.endsAt, part.at + part.length) - part.at);
    const kind = kinds(text, run.groups);
    const inside = run.groups.map((g, k) => ({ g, k })).filter(({ g }) => g.start < end && g.end > start);
    const digits = inside.map(({ g }) => g.digits).join('');
    if (isHelpline(digits) || isHelpline(match.number.number.replace(/^\+/, '')) || isHelpline(match.number.nationalNumber)) continue;
    const international = text[start] === '+' || text[start + 1] === '+' || digits.startsWith('00');
    if (!international) {
      if (inside.some(({ k }) => kind[k] === 'fixed')) continue;
      const firstInside = inside[0];
      const lastInside = inside[inside.length - 1];
      const cue =
        firstInside && lastInside ? cues.around(firstInside.g.start, lastInside.g.end) : false;
      if (!cue && inside.length > 0 && inside.every(({ k }) => kind[k] === 'amount')) continue;
    }
    found.push({ start, end });
  }
  return found;
}
