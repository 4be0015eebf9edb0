import { findContacts } from './redaction/engine.js';

/**
 * Removes contact details from a comment before it is stored (DOMAIN.md, safeguarding: no way for one participant
 * to reach another privately). Pure and deterministic: the same text (and country) always gives the same result.
 *
 * What it removes: phone numbers (national formats of every region, the plan's country first; international numbers;
 * digits split by spaces, `/`, `_`, `,` or emoji; full-width, other-script and keycap digits; numbers spelled out in
 * English, French, Spanish or Portuguese), e-mail addresses (also "at/dot", "arroba/punto", "arobase/point",
 * "arroba/ponto", `[at]`, `_at_`, without a top-level domain after a known provider), links (any IANA top-level
 * domain, `hxxp`, `[.]`, `(.)`, " dot ", `。`) and handles and invitations on messaging, social and game platforms.
 * Matching happens on a normalised copy (NFKC, without invisible characters, confusable letters folded); each span found
 * is replaced by {@link REDACTED} in the original, and everything else is kept byte for byte. Years, dates, times,
 * amounts, percentages, references to laws and standards, and child helplines (116 111, 119, 1098, 0800 1111…) stay.
 * See `redaction/` for the finders and test/support/redaction-cases.ts for the cases it is held to.
 */
export const REDACTED = '[contact removed]';

export interface Redaction {
  readonly text: string;
  /** How many contact details were removed. */
  readonly redactions: number;
}

export interface RedactOptions {
  /** The plan's country (ISO 3166-1 alpha-2): its national phone formats are tried first. */
  readonly country?: string;
}

export function redactContacts(input: string, options?: RedactOptions): Redaction {
  if (typeof input !== 'string' || input.length === 0) return { text: typeof input === 'string' ? input : '', redactions: 0 };
  // Until nothing more reads as a contact detail: what one pass removes can uncover another ("0791 … 123456" once the
  // handle between them is gone), and a comment redacted again must come out the same.
  let text = input;
  let redactions = 0;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const next = redactOnce(text, options?.country);
    if (next.redactions === 0) break;
    text = next.text;
    redactions += next.redactions;
  }
  return { text, redactions };
}

/** Each pass finds at least one new detail, so a text has at most a few; the bound only guards against a surprise. */
const MAX_PASSES = 4;

function redactOnce(input: string, country: string | undefined): Redaction {
  const found = findContacts(input, country);
  if (found.length === 0) return { text: input, redactions: 0 };
  let text = '';
  let copied = 0;
  let redactions = 0;
  for (const span of found) {
    text += input.slice(copied, span.start);
    const removed = input.slice(span.start, span.end);
    text += REDACTED;
    if (removed !== REDACTED) redactions += 1;
    copied = span.end;
  }
  text += input.slice(copied);
  return { text, redactions };
}
