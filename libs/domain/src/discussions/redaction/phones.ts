import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max';
import { after, AMOUNT_AFTER, before, Cues, CURRENCY_BEFORE, kinds, REFERENCE_BEFORE, SENTENCE_BREAK } from './phone-context.js';
import { COUNTED, groupedLikeARegion, isHelpline, validIn, validInternational, validRegions } from './phone-regions.js';
import { internationalDigits, type Run, scanRuns } from './phone-runs.js';
import { OPAQUE, type View } from './text-view.js';

/**
 * Phone numbers. libphonenumber (full "max" metadata) decides what is a valid number: international numbers for every
 * region by their calling code, national numbers for the plan's country first, then for every region whose national
 * format the writer used. Around it, the shapes that are not phone numbers (dates, years, times, amounts, decimals,
 * references to laws and standards, child helplines) are set aside, and the shapes people use to get a number past a
 * filter (digits one by one, split by `/`, `_`, `,` or emoji, a trunk `0`, a word such as "call" or "zap") are taken.
 */

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
  const phoneCues = cues.phoneCues();
  for (const cue of phoneCues) {
    const after: Run[] = [];
    let from = cue.end;
    for (const whole of runs) {
      if (whole.start < cue.end) continue;
      // What was already taken ends the run: "… 123456   4 1 5 5 5 5 2 6 7 1" when the second number was found.
      const firstTaken = whole.groups.findIndex((g) => found.some((f) => f.start < g.end && f.end > g.start));
      const run: Run = firstTaken < 0 ? whole : { ...whole, groups: whole.groups.slice(0, firstTaken) };
      if (run.groups.length === 0) break;
      const gap = text.slice(from, run.start);
      if (
        run.start - from > 40 ||
        SENTENCE_BREAK.test(gap) ||
        gap.includes(OPAQUE) ||
        // The next cue starts a number of its own: "… ends with 123456, my number starts with 0791 …".
        phoneCues.some((other) => other.start >= from && other.start < run.start) ||
        found.some((f) => f.start < run.start && f.end > from)
      )
        break;
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
    while (last + 1 < n && kind[last + 1] === undefined && (cue || !/^\s*[,;]\s+$/.test(sep(last))) && !/^\s+[.,;:]\s+$/.test(sep(last)))
      last += 1;
    found.push(...segment(text, run, g, last, country, budget));
    g = last + 1;
  }
  return found;
}

/**
 * The phone numbers in groups `first..last` of a run: the reading that leaves the fewest digits outside a phone number
 * ("06 12 34 56 78 07911 123456" is two numbers, not "06 12 34 56 78 07911" and a stray "123456"), and among equal
 * readings the longest number first, left to right. A child helpline stays whole: no part of it is taken for a phone
 * number either.
 */
function segment(text: string, run: Run, first: number, last: number, country: CountryCode | undefined, budget: Budget): Found[] {
  const groups = run.groups;
  const digitsOf = (a: number, b: number): string =>
    groups
      .slice(a, b + 1)
      .map((g) => g.digits)
      .join('');
  // best[a]: the most digits the groups a..last can give to phone numbers, and the first step of that reading.
  const best: { covered: number; phoneTo: number; next: number }[] = [];
  best[last + 1] = { covered: 0, phoneTo: -1, next: last + 1 };
  for (let a = last; a >= first; a -= 1) {
    // No phone number is longer than 17 digits written: only the groups that fit are tried.
    let longest = a;
    let count = groups[a]?.digits.length ?? 0;
    while (longest < last && count + (groups[longest + 1]?.digits.length ?? 0) <= 17) {
      longest += 1;
      count += groups[longest]?.digits.length ?? 0;
    }
    let choice = { covered: -1, phoneTo: -1, next: a + 1 };
    let helpline = -1;
    for (let b = longest; b >= a; b -= 1) {
      if (isHelpline(digitsOf(a, b)) || isHelpline(digitsOf(a, b).replace(/^00/, ''))) {
        helpline = b;
        break;
      }
      if (!isPhone(text, run, a, b, country, budget)) continue;
      const covered = digitsOf(a, b).length + (best[b + 1]?.covered ?? 0);
      if (covered > choice.covered) choice = { covered, phoneTo: b, next: b + 1 };
    }
    // Past a helpline, or past a group no number starts at.
    const skip = helpline >= 0 ? helpline + 1 : a + 1;
    const skipped = best[skip]?.covered ?? 0;
    if (skipped > choice.covered) choice = { covered: skipped, phoneTo: -1, next: skip };
    best[a] = choice;
  }
  const found: Found[] = [];
  for (let a = first; a <= last;) {
    const step = best[a];
    if (!step) break;
    const startGroup = groups[a];
    const endGroup = groups[step.phoneTo];
    if (step.phoneTo >= 0 && startGroup && endGroup) found.push({ start: a === 0 ? run.start : startGroup.start, end: endGroup.end });
    a = step.next;
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
  if (
    (digits.length === 10 && (nanp === '3,3,4' || nanp === '3,7')) ||
    (digits.length === 11 && nanp === '1,3,3,4' && digits.startsWith('1'))
  )
    return true;
  // An area code in brackets: (11) 98765-4321, (021) 555 0199.
  if (text[firstGroup.start - 1] === '(' && text[firstGroup.end] === ')' && firstGroup.digits.length <= 4 && digits.length >= 8)
    return true;
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
      const cue = firstInside && lastInside ? cues.around(firstInside.g.start, lastInside.g.end) : false;
      if (!cue && inside.length > 0 && inside.every(({ k }) => kind[k] === 'amount')) continue;
    }
    found.push({ start, end });
  }
  return found;
}
