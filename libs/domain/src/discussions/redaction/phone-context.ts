import { alt, AMOUNT_CUES, NUMBER_WORDS, PHONE_CUES, POSSESSIVES, REFERENCE_CUES } from './lexicon.js';
import type { Group } from './phone-runs.js';
import { nextIndex } from './text-view.js';

// Context.
/** Words that say "phone": found once over the whole text, then looked up by position. */
const CUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alt(PHONE_CUES)})(?![\p{L}])|(?<![\p{L}])(?:${alt(POSSESSIVES)})\s+(?:${alt(NUMBER_WORDS)})(?![\p{L}])(?!\s+(?:of|de|do|da|des|du|d')\b)|(?<![\p{L}])(?:${alt(NUMBER_WORDS)})\s*(?:[:=#]|is\b|es\b|e\b|est\b|c'?est\b|eh\b)`,
  'giu',
);
/** "… is my number", "… es mi wsp", "… c'est mon num": a cue after the number. */
const GIVEN_AS_MINE = /(?<![\p{L}])(?:is|es|e|est|c'?est|eh)\s+(?:my|mi|mon|ma|meu|o meu|el)(?![\p{L}])/giu;
export const SENTENCE_BREAK = /[.!?]\s|\n/;

export class Cues {
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
    return this.cues.some(
      (c) =>
        c.end <= at &&
        c.end >= at - 40 &&
        !SENTENCE_BREAK.test(this.text.slice(c.end, at)) &&
        !/[\d\uFFFC]/.test(this.text.slice(c.end, at)),
    );
  }

  /** A cue right after `at` (after at most four characters that are not letters, digits or a redaction). */
  after(at: number): boolean {
    return this.cues.some((c) => c.start >= at && c.start <= at + 4 && /^[^\p{L}\p{N}\uFFFC]*$/u.test(this.text.slice(at, c.start)));
  }

  around(start: number, end: number): boolean {
    return this.before(start) || this.after(end);
  }
}

export const REFERENCE_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${alt(REFERENCE_CUES)})\.?\s*(?:n\s*[o°º.]\.?\s*|no\.?\s*|nr\.?\s*|#\s*)?(?:\([\p{L}\s]{1,12}\)\s*)?[:\-]?\s*$`,
  'iu',
);
export const CURRENCY_BEFORE = /(?:[$€£¥]|\b(?:r\$|us\$|usd|eur|gbp|brl|mxn|cop|crc|thb|chf))\s*$/iu;
export const AMOUNT_AFTER = new RegExp(String.raw`^\s?(?:%|‰|°|º|(?:${alt(AMOUNT_CUES)})(?![\p{L}]))`, 'iu');

/** The clause before a position: up to 40 characters, cut at the end of the previous sentence. */
export function before(text: string, at: number, size = 40): string {
  const window = text.slice(Math.max(0, at - size), at);
  const cut = Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? '].map((s) => window.lastIndexOf(s) + 1));
  return cut > 0 ? window.slice(cut) : window;
}

export function after(text: string, at: number, size = 25): string {
  return text.slice(at, at + size);
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes that are not phone numbers.
type Kind = 'fixed' | 'amount' | undefined;

const isYear = (d: string): boolean => /^(?:19|20)\d\d$/.test(d);
const dayMonth = (a: number, b: number): boolean => (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);

export function kinds(text: string, groups: readonly Group[]): Kind[] {
  const n = groups.length;
  const out: Kind[] = new Array<Kind>(n).fill(undefined);
  const sep = (g: number): string => {
    const a = groups[g];
    const b = groups[g + 1];
    return a && b ? text.slice(a.end, b.start) : '';
  };
  const d = (g: number): string => groups[g]?.digits ?? '';
  /** A shape joined by `s` must not continue with `s` on either side ("06/12/34/56/78" is not a date). */
  const closed = (first: number, last: number, s: string): boolean =>
    !(first > 0 && sep(first - 1) === s) && !(last < n - 1 && sep(last) === s);
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
        const ymd =
          a.length === 4 &&
          isYear(a) &&
          b.length <= 2 &&
          c.length <= 2 &&
          Number(b) >= 1 &&
          Number(b) <= 12 &&
          Number(c) >= 1 &&
          Number(c) <= 31;
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
      if (chain <= 3 && h !== undefined && h.length <= 2 && Number(h) <= 24 && rest.every((p) => p.length === 2 && Number(p) <= 59))
        mark(g, last, 'fixed');
    }
    if (g + 1 < n) {
      const s = sep(g);
      const [a, b] = [d(g), d(g + 1)];
      // Month and year: 03/2013.
      if ((s === '/' || s === '.' || s === '-') && a.length <= 2 && Number(a) >= 1 && Number(a) <= 12 && isYear(b) && closed(g, g + 1, s))
        mark(g, g + 1, 'fixed');
      // Year ranges and school years: 2010-11, 2010/11.
      if ((s === '-' || s === '/' || s === '–') && isYear(a) && b.length === 2 && closed(g, g + 1, s)) mark(g, g + 1, 'fixed');
      // Decimals: 52.3676, 3,5 (not thousands).
      if (
        (s === '.' || s === ',') &&
        closed(g, g + 1, s) &&
        a.length <= 3 &&
        (a === '0' || !a.startsWith('0')) &&
        b.length <= 6 &&
        (b.length !== 3 || a === '0')
      )
        mark(g, g + 1, 'fixed');
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
