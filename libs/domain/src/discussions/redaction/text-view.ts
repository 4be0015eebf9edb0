import { confusablesMap } from 'confusables';

/**
 * A copy of a text made for matching only, which remembers where each of its UTF-16 units came from in the original:
 * unit `i` of `text` stands for the original range `[from[i], to[i])`. Whatever a finder matches in the copy is cut
 * out of the original through this map, so the original is never rewritten outside what was found.
 */
export interface View {
  readonly text: string;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** What an earlier replacement becomes in the matching copy: a character no finder reads as part of a contact. */
export const OPAQUE = '\uFFFC';

/**
 * The index after the character at `index`. A regular expression with the `u` flag asked to start inside a surrogate
 * pair starts at the pair instead: stepping one unit would find the same match again, for ever.
 */
export function nextIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/** A range of the original text, end excluded. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The original range behind `[start, end)` of a view (null when that is empty). */
export function toOriginal(view: View, start: number, end: number): Span | null {
  if (start < 0 || end > view.text.length || start >= end) return null;
  const s = view.from[start];
  const e = view.to[end - 1];
  if (s === undefined || e === undefined || s >= e) return null;
  return { start: s, end: e };
}

class Builder {
  private readonly parts: string[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];

  push(chars: string, from: number, to: number): void {
    this.parts.push(chars);
    for (let k = 0; k < chars.length; k += 1) {
      this.from.push(from);
      this.to.push(to);
    }
  }

  /** Units of another view, copied with where they came from. */
  copy(view: View, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(view.text.slice(start, end));
    for (let k = start; k < end; k += 1) {
      this.from.push(view.from[k] ?? 0);
      this.to.push(view.to[k] ?? 0);
    }
  }

  /** A character left out of the copy still belongs to the unit before it when they touch (a mark, a joiner). */
  absorb(from: number, to: number): void {
    const last = this.to.length - 1;
    if (last >= 0 && this.to[last] === from) this.to[last] = to;
  }

  view(): View {
    return { text: this.parts.join(''), from: this.from, to: this.to };
  }
}

const KEEP_CONTROL = /[\t\n\r\v\f]/;
/** Invisible characters: format characters (zero-width, bidi controls, soft hyphen, tags), marks (combining accents,
 * variation selectors, the keycap), fillers that render as nothing. */
const INVISIBLE = /^[\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800\u180E]$/u;
const CONTROL = /^\p{Cc}$/u;
const DIGIT = /^\p{Nd}$/u;
/** Full stops of other scripts that people use to write a dot without writing a dot. */
const DOTS = new Set([
  '\u3002',
  '\uFF61',
  '\uFE12',
  '\u2024',
  '\uFE52',
  '\u0701',
  '\u0702',
  '\u2E33',
  '\u00B7',
  '\u2E31',
  '\u2022',
  '\u2219',
  '\u22C5',
  '\u30FB',
  '\uFF65',
]);
const ATS = new Set(['\uFF20', '\uFE6B', '\u24D0']);

/** The value of a decimal digit of any script: decimal digits come in runs of ten, zero first. */
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  let zero = cp;
  for (let k = 0; k < 40 && zero > 0; k += 1) {
    const previous = String.fromCodePoint(zero - 1);
    if (!DIGIT.test(previous)) break;
    zero -= 1;
  }
  return String((cp - zero) % 10);
}

function foldChar(ch: string): string {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return ch;
  if (DIGIT.test(ch)) return digitValue(ch);
  if (DOTS.has(ch)) return '.';
  if (ATS.has(ch)) return '@';
  if (INVISIBLE.test(ch)) return '';
  const folded = confusablesMap.get(ch);
  return folded ?? ch;
}

/** What each non-ASCII code point becomes in the matching copy ('' when it is left out), remembered. */
const foldedChars = new Map<number, string>();

function foldCodePoint(cp: number, ch: string): string {
  const known = foldedChars.get(cp);
  if (known !== undefined) return known;
  let folded = '';
  // A lone surrogate is no character at all: the copy holds a replacement character in its place.
  if (cp >= 0xd800 && cp <= 0xdfff) folded = '\uFFFD';
  else if (!CONTROL.test(ch) && !INVISIBLE.test(ch)) for (const part of ch.normalize('NFKC')) folded += foldChar(part);
  if (foldedChars.size > 20000) foldedChars.clear();
  foldedChars.set(cp, folded);
  return folded;
}

/**
 * The matching copy of a text: NFKC (full-width forms, mathematical and circled digits, ligatures), without invisible
 * and control characters, with confusable letters folded to the Latin letters they imitate (Cyrillic, Greek, small
 * capitals, accented letters) and the digits of every script folded to ASCII digits. Case is kept.
 */
export function fold(input: string): View {
  const out = new Builder();
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (cp < 0x80) {
      if (cp < 0x20 || cp === 0x7f) {
        if (KEEP_CONTROL.test(ch)) out.push(ch, i, next);
        else out.absorb(i, next);
      } else {
        out.push(ch, i, next);
      }
    } else {
      const folded = foldCodePoint(cp, ch);
      if (folded === '') out.absorb(i, next);
      else out.push(folded, i, next);
    }
    i = next;
  }
  return out.view();
}

/**
 * A copy of a view with each match of `pattern` (global) replaced; every unit of a replacement stands for the whole
 * matched range, and a match replaced by nothing joins the unit before it.
 */
export function derive(view: View, pattern: RegExp, replace: (match: RegExpExecArray) => string | null): View {
  pattern.lastIndex = 0;
  if (!pattern.test(view.text)) return view;
  const out = new Builder();
  let copied = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(view.text); m !== null; m = pattern.exec(view.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex = nextIndex(view.text, m.index);
      continue;
    }
    const replacement = replace(m);
    if (replacement === null) continue;
    const start = m.index;
    const end = start + m[0].length;
    out.copy(view, copied, start);
    const from = view.from[start] ?? 0;
    const to = view.to[end - 1] ?? from;
    if (replacement === '') out.absorb(from, to);
    else out.push(replacement, from, to);
    copied = end;
  }
  out.copy(view, copied, view.text.length);
  return out.view();
}

/**
 * A copy of a view in which every stretch that falls inside one of `spans` (original ranges, sorted, disjoint) is one
 * opaque character: what other finders already took reads as a removed detail, as it will after the replacement.
 */
export function mask(view: View, spans: readonly Span[]): View {
  if (spans.length === 0) return view;
  const out = new Builder();
  let k = 0;
  let s = 0;
  while (k < view.text.length) {
    const from = view.from[k] ?? 0;
    while (s < spans.length && (spans[s]?.end ?? 0) <= from) s += 1;
    const span = spans[s];
    if (span && from >= span.start && (view.to[k] ?? 0) <= span.end) {
      let j = k;
      while (j < view.text.length && (view.from[j] ?? 0) >= span.start && (view.to[j] ?? 0) <= span.end) j += 1;
      out.push(OPAQUE, view.from[k] ?? 0, view.to[j - 1] ?? 0);
      k = j;
    } else {
      out.copy(view, k, k + 1);
      k += 1;
    }
  }
  return out.view();
}

/** A copy of a view without the units at `positions`; each joins the unit before it. */
export function remove(view: View, positions: ReadonlySet<number>): View {
  if (positions.size === 0) return view;
  const out = new Builder();
  for (let k = 0; k < view.text.length; k += 1) {
    if (positions.has(k)) out.absorb(view.from[k] ?? 0, view.to[k] ?? 0);
    else out.copy(view, k, k + 1);
  }
  return out.view();
}
