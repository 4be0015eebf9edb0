import { derive, type View } from './text-view.js';

// Digits in a text: written with letters, and grouped into runs by the separators people put between them.

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
export interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

export interface Run {
  readonly start: number;
  readonly groups: Group[];
  readonly plus: boolean;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
// Emoji and symbols separate digits ("06🙂12🙂34"), except the character that stands for something already removed:
// what was redacted ends a number, as it will once replaced.
const SEPARATOR = /^(?:[\s\-./_,()[\]·•–—~|*:'’\\=]|\p{Extended_Pictographic}|(?!\uFFFC)\p{So})$/u;
const LETTER = /^\p{L}$/u;

/** Digit groups joined by at most four separator characters (one line). */
export function scanRuns(text: string): Run[] {
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

/** The digits of an international number (after `+` or `00`), without a bracketed trunk `0`, if 7 to 15 long. */
export function internationalDigits(text: string, run: Run): string | undefined {
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
