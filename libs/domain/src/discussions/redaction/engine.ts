import { findHandles, platformView } from './handles.js';
import { findEmails, findLinks, linkView } from './links.js';
import { planCountry } from './phone-regions.js';
import { phoneView } from './phone-runs.js';
import { findPhones } from './phones.js';
import { findSpelledNumbers } from './spelled-numbers.js';
import { derive, fold, mask, OPAQUE, type Span, toOriginal, type View } from './text-view.js';

export type ContactKind = 'phone' | 'spelled-phone' | 'email' | 'link' | 'handle';

export interface FoundContact extends Span {
  readonly kind: ContactKind;
}

/**
 * Every contact detail in a text, as ranges of the original text (overlapping ones merged), in order. Each finder
 * runs on its own matching copy. Nothing here swallows an error: a finder that failed would let a contact detail
 * through, so the comment is refused instead (the property tests hold every finder to never throwing).
 */
export function findContacts(text: string, country?: string): FoundContact[] {
  const plan = planCountry(country);
  const found: FoundContact[] = [];
  const collect = (kind: ContactKind, view: View, find: () => readonly { start: number; end: number }[]): void => {
    for (const s of find()) {
      const original = toOriginal(view, s.start, s.end);
      if (original) found.push({ ...original, kind });
    }
  };

  // An earlier redaction stands as one opaque character: nothing glued to it reads as a new contact detail.
  const folded = derive(fold(text), /\[contact removed\]/g, () => OPAQUE);
  // Each finder reads the text with what the earlier ones took masked, as it will read once replaced: so a second
  // pass over the result finds nothing new ("12345678 kenjit@…" and "12345678 [contact removed]" read alike).
  const links = linkView(folded);
  const hosts = linkView(folded, false);
  collect('link', hosts, () => findLinks(hosts, text));
  collect('email', links, () => findEmails(links, text));
  let taken = merge(found, text);
  const words = mask(folded, taken);
  collect('spelled-phone', words, () => findSpelledNumbers(words));
  taken = merge(found, text);
  const phones = mask(phoneView(folded), taken);
  collect('phone', phones, () => findPhones(phones, plan));
  // Handles are read with what was taken masked before the letters written one by one are joined up: a phone number
  // written digit by digit does not join "i g : l i l y" to itself ("6 1 2 … 8 i g : l i l y . d r a w s").
  const handleView = (): View => platformView(linkView(mask(folded, merge(found, text))));
  const handles = handleView();
  collect('handle', handles, () => findHandles(handles));
  // Once more around the handles found: "noahxo" before "ig: lily.draws" ends its clause, as it will once removed.
  const again = handleView();
  collect('handle', again, () => findHandles(again));
  return merge(found, text);
}

/** Overlapping or touching ranges become one; a range never cuts a surrogate pair or an earlier replacement in two. */
function merge(found: readonly FoundContact[], text: string): FoundContact[] {
  const sorted = found
    .map((f) => widen(f, text))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: FoundContact[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last && f.start <= last.end) merged[merged.length - 1] = { ...last, end: Math.max(last.end, f.end) };
    else merged.push(f);
  }
  return merged;
}

const MARKER = '[contact removed]';

function widen(f: FoundContact, text: string): FoundContact {
  let { start, end } = f;
  const code = (k: number): number => text.charCodeAt(k);
  if (start > 0 && code(start) >= 0xdc00 && code(start) <= 0xdfff && code(start - 1) >= 0xd800 && code(start - 1) <= 0xdbff) start -= 1;
  if (end < text.length && code(end) >= 0xdc00 && code(end) <= 0xdfff && code(end - 1) >= 0xd800 && code(end - 1) <= 0xdbff) end += 1;
  // Never cut into a marker left by an earlier redaction: take it whole.
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + 1)) {
    const markerEnd = at + MARKER.length;
    if (start < markerEnd && end > at) {
      start = Math.min(start, at);
      end = Math.max(end, markerEnd);
    }
  }
  return { ...f, start, end };
}
