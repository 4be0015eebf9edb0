/**
 * Removes contact details from a comment before it is stored (DOMAIN.md, safeguarding: no way for one participant
 * to reach another privately). Pure: the same text always gives the same result.
 */
export const REDACTED = '[contact removed]';

export interface Redaction {
  readonly text: string;
  /** How many contact details were removed. */
  readonly redactions: number;
}

const TLDS =
  'com|org|net|edu|gov|int|info|biz|io|me|co|app|dev|ly|gg|tv|xyz|online|site|link|chat|social|' +
  'uk|nl|de|fr|es|it|pt|br|cr|mx|ar|cl|pe|th|ph|in|id|ru|ua|tr|pl|be|ch|at|se|no|dk|fi|ie|au|nz|ca|us|za|ng|ke|ee|gl|to|cc';

const AT = String.raw`(?:\s*@\s*|\s*[\[(<{]\s*at\s*[\])>}]\s*|\s+at\s+)`;
const DOT = String.raw`(?:\.|\s*[\[(<{]\s*dot\s*[\])>}]\s*|\s+dot\s+)`;
const APPS = String.raw`(?:whats\s?app|telegram|signal|snap(?:chat)?|insta(?:gram)?|ig|tiktok|kik|discord|wechat|line|viber|skype|facebook|fb|messenger|twitter|x)`;
/** App names unambiguous enough to trust before a colon ("snap: name"); "line" or "x" are ordinary words. */
const NAMED_APPS = String.raw`(?:whats\s?app|telegram|snap(?:chat)?|insta(?:gram)?|tiktok|kik|discord|wechat|viber|skype|facebook|messenger|twitter)`;

/** Each rule finds one kind of contact detail; earlier rules win where they overlap. */
const RULES: readonly RegExp[] = [
  // Messenger invitation links and app-prefixed usernames: "wa.me/…", "t.me/…", "add me on snap: name".
  new RegExp(String.raw`\b(?:wa\.me|t\.me|telegram\.me|chat\.whatsapp\.com|discord\.gg|discord\.com/invite|m\.me|snapchat\.com/add|ig\.me)/\S+`, 'gi'),
  new RegExp(String.raw`\b(?:add|find|follow|text|message|msg|dm|call|ping|reach)\s+me\s+(?:on|at|in|via)\s+${APPS}\b\s*[:\-]?\s*@?[\w.\-]{2,}`, 'gi'),
  new RegExp(String.raw`\bmy\s+${APPS}\s+(?:is|:|=|id\s+is|handle\s+is|name\s+is)\s*@?[\w.\-]{2,}`, 'gi'),
  new RegExp(String.raw`\b${NAMED_APPS}\s*[:=]\s*@?[\w.\-]{2,}`, 'gi'),
  // URLs and bare domains.
  /\bhttps?:\/\/\S+/gi,
  /\bwww\.\S+/gi,
  // E-mail addresses with an @ (any top-level domain), also written "name at domain dot com" or "name [at] domain [dot] com".
  /[\w.+\-]+\s*@\s*[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,24}\b/gi,
  new RegExp(String.raw`[\w.+\-]+${AT}[\w\-]+(?:${DOT}[\w\-]+)*${DOT}(?:${TLDS})\b`, 'gi'),
  new RegExp(String.raw`\b[\w\-]+(?:\.[\w\-]+)*\.(?:${TLDS})\b(?:/\S*)?`, 'gi'),
  new RegExp(String.raw`\b[\w\-]+${DOT}(?:${TLDS})\b`, 'gi'),
  // Social-media handles.
  /(?<![\w@])@[a-z0-9_](?:[a-z0-9_.]{1,29})/gi,
  // Phone numbers: international, local, with separators or spaced digits; at least 7 digits, not a date or amount.
  /(?<![\w$€£¥.,/\-])(?:\+|00)\s?\d(?:[\s().\-]*\d){6,14}(?![\w%])/g,
  /(?<![\w$€£¥.,/\-%])\(?\d{2,5}\)?(?:[\s.\-]+\d{2,5}){1,4}(?![\w%])/g,
  /(?<![\w$€£¥.,/\-])\d{7,15}(?![\w%])/g,
  // Digits spelled out one by one: "0 6 1 2 3 4 5 6 7 8".
  /(?<![\w.,])\d(?:[\s.\-]\d){6,}(?![\w%])/g,
];

const DIGITS = /\d/g;

/** Dates, years, year ranges, amounts and article numbers look like digits in a row but are not contacts. */
function harmless(match: string): boolean {
  const digits = (match.match(DIGITS) ?? []).length;
  if (/^\s*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\s*$/.test(match)) return true; // 2009-2013
  if (/^\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\s*$/.test(match)) return true; // 2013-12-31
  if (/^\s*\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\s*$/.test(match)) return true; // 31/12/2013
  if (/^\s*[1-9]\d{0,2}(?:[,.]\d{3})+(?:[.,]\d+)?\s*$/.test(match) && digits < 13) return true; // 1,000,000 / 950.000
  if (/^\s*[1-9]\d?(?: \d{3})+\s*$/.test(match) && digits < 13) return true; // 1 000 000 (a phone starts with a longer group)
  return digits < 7;
}

export function redactContacts(input: string): Redaction {
  let text = input;
  let redactions = 0;
  for (const rule of RULES) {
    text = text.replace(rule, (match) => {
      if (match === REDACTED || (rule.source.includes('\\d') && harmless(match))) return match;
      redactions += 1;
      return REDACTED;
    });
  }
  return { text, redactions };
}
