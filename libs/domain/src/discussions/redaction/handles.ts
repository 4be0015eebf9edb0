import { alt, COPULAS, HANDLE_NOUNS, INVITE_VERBS, PLATFORMS, POSSESSIVES, STOPWORDS, WEAK_PLATFORMS } from './lexicon.js';
import { derive, nextIndex, type View } from './text-view.js';

/**
 * Social handles and invitations: "@name", "ig: name", "my snap is name", "mon snap c'est name", "mi insta es name",
 * "meu insta é name", "add me on discord name#1234", "name on tiktok", "u/name", "SW-1234-5678-9012".
 */

export interface Found {
  readonly start: number;
  readonly end: number;
}

const norm = (platform: string): string =>
  platform
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();
const ALL_PLATFORMS: ReadonlySet<string> = new Set([...PLATFORMS, ...WEAK_PLATFORMS].map(norm));
const WEAK: ReadonlySet<string> = new Set(WEAK_PLATFORMS.map(norm));

/** Platform names written with digits or symbols for letters ("1nsta", "sn@p", "d1sc0rd"). */
export function platformView(view: View): View {
  if (!/\p{L}[0-9@$!|]|[0-9@$!|]\p{L}/u.test(view.text)) return view;
  const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };
  return derive(view, /(?<![\p{L}\p{N}@$!|])[\p{L}\p{N}@$!|]{2,12}(?![\p{L}\p{N}])/gu, (m) => {
    const token = m[0];
    if (!/[0-9@$!|]/.test(token) || !/\p{L}/u.test(token)) return null;
    const plain = token.replace(/[0-9@$!|]/g, (c) => leet[c] ?? c);
    return ALL_PLATFORMS.has(plain.toLowerCase()) ? plain : null;
  });
}

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const PLAT = String.raw`(?<p>${alt([...ALL_PLATFORMS])})${E}`;
const NOUN = String.raw`(?:${alt(HANDLE_NOUNS)})${E}`;
const COP = String.raw`(?:${alt(COPULAS)})${E}`;
const POSS = String.raw`(?:${alt(POSSESSIVES)})`;
const VERB = String.raw`(?:${alt(INVITE_VERBS)})`;
const PREP = String.raw`(?:on|in|at|via|en|no|na|nos|sur|sobre|por|pelo|pela|al|a|de|du|do|da|of|dans|em|para|pra|to|with|con|com|avec)`;
const ART = String.raw`(?:the|el|la|le|les|o|a|os|as|mon|ma|mi|meu|minha|my|mes|mis)`;
/** A handle: letters, digits, `_`, inner dots and hyphens, maybe `@`, `u/`, `live:` before and `#1234` or `#EUW` after. */
const HANDLE = String.raw`(?<h>(?:live:|u\/)?(?:@\s?)?[\p{L}\p{N}_](?:[\p{L}\p{N}_.\-]{0,38}[\p{L}\p{N}_])?(?:#[\p{L}\p{N}]{2,6})?)${E}`;
const LABEL_SEP = String.raw`(?:\s*(?:[:=~>»→⇒➡⟶]|->|=>|::|\p{Extended_Pictographic})\s*|\s+[-–—]\s+)`;

interface Rule {
  readonly pattern: RegExp;
  /** How sure the words around make us that a handle follows. */
  readonly context: 'label' | 'possessive' | 'invite' | 'direct' | 'self' | 'features' | 'reverse' | 'invented';
  /** Where the handle is in a match: last (most rules), first, or elsewhere (found through the match's indices). */
  readonly at: 'end' | 'start' | 'inside';
}

const rule = (source: string, context: Rule['context'], at: Rule['at'] = 'end'): Rule => ({
  pattern: new RegExp(source, at === 'inside' ? 'giud' : 'giu'),
  context,
  at,
});

/** Verbs that describe oneself rather than invite ("I'm", "soy", "je suis"). */
const SELF_DESCRIPTIONS: ReadonlySet<string> = new Set(['im', 'i am', "i'm", 'i’m', 'je suis', 'soy', 'sou', 'estoy', 'estou', 'suis']);

/** "I'm lily.draws everywhere": the same handle on every platform. */
const EVERYWHERE = [
  'everywhere',
  'on all socials',
  'on all apps',
  'on all platforms',
  'partout',
  'en todas partes',
  'en todos lados',
  'em todo lugar',
  'em todos',
];

const RULES: readonly Rule[] = [
  // "ig: name", "insta -> name", "wechat id: name", "minecraft ign: name".
  rule(String.raw`${B}${PLAT}(?:\s+${NOUN})?${LABEL_SEP}${HANDLE}`, 'label'),
  // "my snap is name", "mi usuario de roblox es name", "meu nick no minecraft é name", "mon pseudo fortnite c'est name".
  rule(
    String.raw`${B}${POSS}\s+(?:${NOUN}\s+(?:${PREP}\s+)?(?:${ART}\s+)?)?${PLAT}(?:\s+${NOUN})?(?<c>\s*(?:${COP}|[:=~>»→?]|->)\s*|\s+)${HANDLE}`,
    'possessive',
  ),
  // "my username is name", "mon pseudo c'est name".
  rule(
    String.raw`${B}${POSS}\s+(?<p>${alt(HANDLE_NOUNS.filter((n) => n !== '@'))})${E}(?:\s+(?:${alt(EVERYWHERE)}))?(?<c>\s*(?:${COP}|[:=])\s*)${HANDLE}`,
    'possessive',
  ),
  // "add me: noahw_", "búscame como noahw_", "segue eu lá: noahw_": an invitation and a made-up name.
  rule(
    String.raw`${B}(?:${alt(INVITE_VERBS.filter((v) => !SELF_DESCRIPTIONS.has(v)))})${E}(?:\s+(?:me|moi|eu|la|there|here|ici|aqui|aca|ai))*(?:\s*(?:como|as|comme|[:=\-])\s*|\s+)${HANDLE}`,
    'invented',
  ),
  // "meu @ é name", "my @ is name".
  rule(String.raw`${B}${POSS}\s+@\s*(?:${COP}|[:=])\s*${HANDLE}`, 'features'),
  // "insta is name", "snap = name" without "my": the handle must look made up.
  rule(String.raw`${B}${PLAT}\s+${COP}\s*${HANDLE}`, 'features'),
  // "name is my discord", "name c'est mon snap", "name es mi insta".
  rule(String.raw`${B}${HANDLE}\s+(?:${COP})\s+${POSS}\s+${PLAT}`, 'reverse', 'start'),
  // "add me on snap name", "ajoute-moi sur insta : name", "agrégame al snap name", "me segue no insta @name".
  rule(
    String.raw`${B}${VERB}${E}\s*(?:${PREP}\s+)?(?:${ART}\s+)?${PLAT}(?:\s*(?:[:=,(]|${NOUN}\s*:?|(?:as|como|comme)(?=\s)|${COP}))*\s*${HANDLE}`,
    'invite',
  ),
  // "snap me name", "ig me @name".
  rule(String.raw`${B}${PLAT}\s+me(?:\s*[:=]\s*|\s+(?:at\s+|@|on\s+)?)${HANDLE}`, 'invite'),
  // "IG lily_draws", "tiktok @name", "snap name," at the start of a clause.
  rule(String.raw`${B}${PLAT}\s+${HANDLE}`, 'direct'),
  // "I'm name on snap", "je suis name sur snap", "soy name en snap", "sou name no snap", "search name on tiktok".
  rule(
    String.raw`${B}(?:i'?m|i’m|i am|soy|sou|je suis|c'est|it's|search|find|add|follow|busca|cherche|procura|buscame|cherchez|como|comme)\s+${HANDLE}\s+(?:on|en|no|na|sur|in|at)\s+(?:${ART}\s+)?${PLAT}`,
    'self',
    'inside',
  ),
  // "I'm lily.draws everywhere", "je suis ines.xo partout".
  rule(String.raw`${B}(?:i'?m|i’m|i am|soy|sou|je suis)\s+${HANDLE}\s+(?:${alt(EVERYWHERE)})${E}`, 'features', 'inside'),
  // "noah#4821 on discord", "sofirdz09 on gmail", "bia_2010 no gmail".
  rule(String.raw`${B}${HANDLE}(?:\s+(?:on|en|no|na|sur|in|at)\s+(?:${ART}\s+)?|\s*\(\s*)${PLAT}`, 'features', 'start'),
];

const MENTION = new RegExp(
  String.raw`${B}(?:${alt([...ALL_PLATFORMS, ...HANDLE_NOUNS.filter((n) => n !== '@'), ...EVERYWHERE, ...INVITE_VERBS])})${E}|@\s`,
  'giu',
);
const AT_HANDLE =
  /(?<![\p{L}\p{N}_@.+\-/\uFFFC])@(?<space>\s?)(?<h>[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}_])?)(?![\p{L}\p{N}_@])/dgu;
const DISCORD_TAG = /(?<![\p{L}\p{N}_.#])[\p{L}\p{N}_.]{2,32}#\d{4}(?!\d)/gu;
const REDDIT_USER = /(?<![\p{L}\p{N}/])\/?u\/[\p{L}\p{N}_-]{3,20}/gu;
const FRIEND_CODE = /(?<![\p{L}\p{N}])SW[-\s]?\d{4}[-\s]?\d{4}[-\s]?\d{4}(?!\d)/giu;

const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

/** Stretches of text around each mention of a platform or a handle word, cut at spaces, merged when they touch. */
function mentionWindows(text: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m !== null; m = MENTION.exec(text)) {
    const last = windows[windows.length - 1];
    let start = Math.max(0, m.index - 90);
    for (let k = 0; k < 40 && start > 0 && !isSpace(text.charCodeAt(start - 1)); k += 1) start -= 1;
    let end = Math.min(text.length, m.index + m[0].length + 90);
    for (let k = 0; k < 40 && end < text.length && !isSpace(text.charCodeAt(end)); k += 1) end += 1;
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** A handle people make up rather than a word: digits, `_`, an inner dot or hyphen, `@`, a tag, CamelCase. */
export function looksMadeUp(handle: string): boolean {
  return (
    /^(?:@|u\/|live:)/.test(handle) ||
    /\d/.test(handle) ||
    handle.includes('_') ||
    /[\p{L}\p{N}][.][\p{L}\p{N}]/u.test(handle) ||
    handle.includes('#') ||
    /\p{Ll}\p{Lu}/u.test(handle)
  );
}

/** A plain word that could be a handle: not a small word, not a capitalised word or an acronym (ECPAT, UNICEF). */
function plainName(handle: string): boolean {
  const word = handle.toLowerCase();
  return (
    word.length >= 3 && !STOPWORDS.has(word) && !/^\p{Lu}\p{Ll}+$/u.test(handle) && !/^\p{Lu}{2,}$/u.test(handle) && !/^\d+$/.test(handle)
  );
}

const MAIL_PROVIDERS: ReadonlySet<string> = new Set(['gmail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'protonmail', 'proton mail']);
/** Words that may follow a handle: "noahxo add me", "lily.draws dm me". */
const INVITE_WORDS: ReadonlySet<string> = new Set([
  'add',
  'dm',
  'follow',
  'text',
  'message',
  'msg',
  'hmu',
  'pls',
  'plz',
  'please',
  'ajoute',
  'suis',
  'agrega',
  'sigue',
  'segue',
  'chama',
  'manda',
]);

const CLAUSE_START = /(?:^|[,.;:!?\n(]\s*|\p{Extended_Pictographic}\s*)$/u;
const CLAUSE_END = /^\s*(?:$|[,.;!?\n)]|\p{Extended_Pictographic})/u;

/** Where the handle is in the match. */
function handleSpan(rule: Rule, m: RegExpExecArray): readonly [number, number] | undefined {
  const handle = m.groups?.['h'];
  if (!handle) return undefined;
  if (rule.at === 'inside') return m.indices?.groups?.['h'];
  if (rule.at === 'start') return [m.index, m.index + handle.length];
  const end = m.index + m[0].length;
  return [end - handle.length, end];
}

/**
 * A plain word taken for a handle must end its clause, or be followed by a small word ("my snap is noahxo if you
 * want"): "my insta is mostly art" goes on like a sentence.
 */
const CLAUSE_GOES_ON = /^\s+(\p{Ll}[\p{Ll}']*)(?=$|\s|[.!?,;](?:\s|$))/u;

function accept(rule: Rule, m: RegExpExecArray, text: string, span: readonly [number, number]): boolean {
  const ends = (): boolean => {
    const next = CLAUSE_GOES_ON.exec(text.slice(span[1], span[1] + 30));
    return !next || STOPWORDS.has((next[1] ?? '').toLowerCase()) || INVITE_WORDS.has((next[1] ?? '').toLowerCase());
  };
  const handle = (m.groups?.['h'] ?? '').replace(/^@\s/, '@');
  if (handle === '') return false;
  const bare = handle.replace(/^(?:@|u\/|live:)/, '');
  // A handle has letters ("4.2.1" after "line" is a budget line).
  if (STOPWORDS.has(bare.toLowerCase()) || !/\p{L}/u.test(bare)) return false;
  const platform = norm(m.groups?.['p'] ?? '');
  const weak = WEAK.has(platform);
  const madeUp = looksMadeUp(handle);
  switch (rule.context) {
    case 'label':
      return madeUp || (!weak && plainName(handle)) || (weak && plainName(handle) && handle === handle.toLowerCase());
    case 'possessive': {
      const joined = (m.groups?.['c'] ?? '').trim() !== '';
      if (madeUp) return true;
      return joined && plainName(handle) && ends() && (!weak || handle === handle.toLowerCase());
    }
    case 'invented':
      return madeUp && /\p{Ll}/u.test(handle) && !/^(?:@|u\/)/.test(handle);
    case 'invite':
      return madeUp || (!weak && plainName(handle) && ends());
    case 'direct': {
      if (madeUp) return !weak || handle.startsWith('@') || /\d/.test(handle);
      if (weak || !plainName(handle) || handle !== handle.toLowerCase()) return false;
      const platformStart = m.index;
      return (
        CLAUSE_START.test(text.slice(Math.max(0, platformStart - 3), platformStart)) && CLAUSE_END.test(text.slice(span[1], span[1] + 3))
      );
    }
    case 'self':
      return madeUp || plainName(handle);
    case 'features':
      // "kenjit on gmail": before a mail provider, a plain name is an address too.
      return (madeUp && !/^\d+$/.test(bare)) || (MAIL_PROVIDERS.has(platform) && plainName(handle) && ends());
    case 'reverse':
      return madeUp || (!weak && plainName(handle) && handle === handle.toLowerCase());
    default:
      return false;
  }
}

/** Handles in a view made by `platformView` over the link view (positions in that view). */
export function findHandles(view: View): Found[] {
  const text = view.text;
  const found: Found[] = [];
  // The rules all need a platform's name or a word such as "username" or "pseudo": they are read only around one.
  for (const window of mentionWindows(text)) {
    const part = text.slice(window.start, window.end);
    for (const r of RULES) {
      r.pattern.lastIndex = 0;
      for (let m = r.pattern.exec(part); m !== null; m = r.pattern.exec(part)) {
        const span = handleSpan(r, m);
        if (span && accept(r, m, part, span)) found.push({ start: window.start + span[0], end: window.start + span[1] });
        // Overlapping readings ("my snap is …" is also "snap is …"): try again one character further.
        r.pattern.lastIndex = nextIndex(part, m.index);
      }
    }
  }
  AT_HANDLE.lastIndex = 0;
  for (let m = AT_HANDLE.exec(text); m !== null; m = AT_HANDLE.exec(text)) {
    const handle = m.groups?.['h'] ?? '';
    if (!/\p{L}/u.test(handle)) continue;
    if ((m.groups?.['space'] ?? '') !== '' && !(looksMadeUp(handle) && /^\p{L}/u.test(handle))) continue;
    found.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const pattern of [DISCORD_TAG, REDDIT_USER, FRIEND_CODE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}
