import { LinkifyIt } from 'linkify-it';
import { alt, COMMON_TLDS, CONTACT_HOSTS, LINK_CUES, PROVIDERS, STOPWORDS, WORD_TLDS } from './lexicon.js';
import { derive, nextIndex, OPAQUE, remove, type View } from './text-view.js';

/** The IANA list of top-level domains (the `tlds` package), loaded as JSON. */
const TLD_LIST: readonly string[] = (await import('tlds', { with: { type: 'json' } })).default;
const TLDS: ReadonlySet<string> = new Set(TLD_LIST.map((t) => t.toLowerCase()));

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false }).tlds([...TLD_LIST], false);

export interface Found {
  readonly start: number;
  readonly end: number;
}

/**
 * The copy links and addresses are looked for in: letters written one by one joined up ("s o f i @ g m a i l"), and
 * the written-out forms of the dot, the at sign and the scheme turned back into them: `[.]`, `(dot)`, " punto ",
 * " point ", " ponto ", " . ", `[at]`, `(arroba)`, " arobase ", `_at_`, `hxxp`, " slash ".
 */
/** Four or more characters that make up addresses, written one by one with single spaces: "s o f i @ g m a i l". */
const SPACED_OUT = /(?<!\S)[\p{L}\p{N}@._:/#+-](?: [\p{L}\p{N}@._:/#+-]){3,}(?!\S)/gu;

function joinSpacedOut(view: View): View {
  const spaces = new Set<number>();
  SPACED_OUT.lastIndex = 0;
  for (let m = SPACED_OUT.exec(view.text); m !== null; m = SPACED_OUT.exec(view.text)) {
    for (let k = 0; k < m[0].length; k += 1) if (m[0][k] === ' ') spaces.add(m.index + k);
  }
  return remove(view, spaces);
}

/**
 * With `bareAt` false, a bare " at " stays as written: links are read on that copy, so "we play at zackzone.fun" is a
 * link rather than an address refused for its local part "play".
 */
export function linkView(folded: View, bareAt = true): View {
  let view = joinSpacedOut(folded);
  if (/h\S{2}p/i.test(view.text)) {
    view = derive(view, /\bh(?:xx|\*\*|\[tt\]|tt|x\*|\*x|\.\.)p(s?)\s*(?:\[:\]|\(:\)|:)\s*\/\s*\/\s*/giu, (m) => `http${m[1] ?? ''}://`);
  }
  if (/[[({<]/.test(view.text)) {
    view = derive(view, /\s*[[({<]\s*(?:\.|dot|punto|point|ponto|period)\s*[\])}>]\s*/giu, () => '.');
    view = derive(view, /\s*[[({<]\s*(?:at|@|arroba|arobase)\s*[\])}>]\s*/giu, () => '@');
    view = derive(view, /(?<=[\p{L}\p{N}])\s*[[(]a[\])]\s*(?=[\p{L}\p{N}-]+\s*(?:\.|,))/giu, () => '@');
  }
  if (/at|arroba|arobase/i.test(view.text)) {
    view = derive(view, /(?<=[\p{L}\p{N}])(?:_at_|\s*-at-\s*)(?=[\p{L}\p{N}])/giu, () => '@');
    // " at " only before a word that could be a domain (not "at 14:00"), and not before an address written in full
    // ("email me at jasmine.w@gmail.com").
    if (bareAt) {
      view = derive(
        view,
        /\s+(?:at|at[\s-]?sign|arroba|arobase)\s+(?=[\p{L}\p{N}][\p{L}\p{N}-]*(?:[\s.,;!?)]|$))(?!\S*[@\uFF20\uFE6B])/giu,
        () => '@',
      );
    }
  }
  if (/dot|punto|point|ponto|\s\.\s/i.test(view.text)) {
    view = derive(view, /(?:\s*-dot-\s*|\s+(?:dot|punto|point|ponto)\s+|\s+\.\s+(?![\p{L}\p{N}_.-]*@))(?=[\p{L}\p{N}])/giu, (m) => {
      if (!/[\p{L}\p{N}]$/u.test(view.text.slice(Math.max(0, m.index - 1), m.index))) return null;
      if (m[0].trim() !== '.') return '.';
      // " . " between two words is a sentence's full stop unless a domain goes on: "kenjiblog . net", "www . x".
      const next = /^([\p{L}\p{N}-]+)(\s*[./])?/u.exec(view.text.slice(m.index + m[0].length));
      const label = next?.[1] ?? '';
      return /\p{L}/u.test(label) && (TLDS.has(label.toLowerCase()) || next?.[2] !== undefined) ? '.' : null;
    });
  }
  // A dot with a space on one side, or a comma, before a common top-level domain: "kenjiblog .net", "kenjiblog,net".
  if (/\s\.|\.\s|,/.test(view.text)) {
    view = derive(view, new RegExp(String.raw`(?:\s+\.\s*|\.\s+|,)(?=(?:${ONE_SIDED_TLDS})(?![\p{L}\p{N}]))`, 'giu'), (m) =>
      /[\p{L}\p{N}]$/u.test(view.text.slice(Math.max(0, m.index - 1), m.index)) ? '.' : null,
    );
  }
  if (/slash|barra/i.test(view.text)) view = derive(view, /\s+(?:slash|barra)\s+/giu, () => '/');
  if (/\/\s|\s\//.test(view.text)) {
    view = derive(view, /\s*\/\s*(?=[\p{L}\p{N}@_+])/gu, (m) =>
      m[0] !== '/' && /[\p{L}\p{N}]\.[\p{L}]{2,24}\s*$/u.test(view.text.slice(Math.max(0, m.index - 30), m.index)) ? '/' : null,
    );
  }
  return view;
}

/** Top-level domains after a one-sided dot or a comma: common ones that are not also ordinary words. */
const ONE_SIDED_TLDS = [
  'com',
  'net',
  'org',
  'info',
  'biz',
  'io',
  'app',
  'dev',
  'xyz',
  'online',
  'site',
  'blog',
  'shop',
  'store',
  'club',
  'tech',
  'website',
  'fr',
  'pt',
  'br',
  'mx',
  'uk',
  'nl',
]
  .filter((t) => !WORD_TLDS.has(t))
  .join('|');

/** A dot written as a bare word ("kenjiblog dot net", "el punto es"): not in brackets, so ordinary prose could read so. */
const SPELLED_DOT = /(?<![[({<]\s*)\b(?:dot|punto|point|ponto)\b(?!\s*[\])}>])|\s\.|\.\s|[\p{L}\p{N}],[\p{L}]/iu;
const BRACKETED_DOT = /[[({<]\s*(?:\.|dot|punto|point|ponto|period)\s*[\])}>]|[。｡．︒•∙⋅・･]/iu;
const LINK_CUE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${alt(LINK_CUES)})(?![\p{L}])`, 'iu');

function acceptLink(raw: string, schema: string, original: string, before: string, alone: boolean): boolean {
  if (schema !== '') return true;
  const host = raw.split(/[/?#:]/)[0] ?? raw;
  const rest = raw.slice(host.length);
  const labels = host.split('.');
  const tldRaw = labels[labels.length - 1] ?? '';
  const tld = tldRaw.toLowerCase();
  const lowerHost = host.toLowerCase();
  if (CONTACT_HOSTS.has(lowerHost) || [...CONTACT_HOSTS].some((known) => lowerHost.endsWith(`.${known}`))) return true;
  if (lowerHost.startsWith('www.')) return true;
  // "training.At the end", "la réunion.Il faut": a capitalised word after a missing space, not a domain.
  if (tldRaw !== tld && host !== host.toUpperCase()) return false;
  // Written with a bracketed or foreign dot ("kenjiblog[.]net", "matirdz(punto)es", "kenjiblog。net"): hidden on purpose.
  if (BRACKETED_DOT.test(original)) return true;
  const path = rest.length > 1 && /^[/?#:]/.test(rest);
  if (SPELLED_DOT.test(original)) return COMMON_TLDS.has(tld) && !WORD_TLDS.has(tld);
  if (WORD_TLDS.has(tld) && labels.length === 2 && !path) {
    const label = labels[0] ?? '';
    return /[\d_-]/.test(label) || LINK_CUE.test(before) || alone;
  }
  return true;
}

const EMAIL =
  /(?<![\p{L}\p{N}._%+\-@\uFFFC])([\p{L}\p{N}](?:[\p{L}\p{N}._%+\-]{0,62}[\p{L}\p{N}_])?)(\s?@\s?)([\p{L}\p{N}][\p{L}\p{N}-]{0,62})((?:[.,][\p{L}\p{N}-]{1,63}){0,5})/gu;
const EMAIL_CUE = /(?:^|[^\p{L}])(?:e-?mail|mail|correo|courriel|adresse|address|endereco|escribe|ecris|write|manda|envoie)(?![\p{L}])/iu;
const LITERAL_AT = /[@＠﹫]/u;

/** E-mail addresses, plain or written out (positions in the view). */
export function findEmails(view: View, original: string): Found[] {
  const found: Found[] = [];
  const text = view.text;
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    const end = emailEnd(view, original, m);
    if (end < 0) {
      // Not an address from here: the next one may start one character further ("um @ kenji.t@outlook.com").
      EMAIL.lastIndex = nextIndex(text, m.index);
      continue;
    }
    found.push({ start: m.index, end });
    EMAIL.lastIndex = Math.max(EMAIL.lastIndex, end);
  }
  return found;
}

/** Where the address matched by `EMAIL` ends in the view, or -1 when it is not one. */
function emailEnd(view: View, original: string, m: RegExpExecArray): number {
  const text = view.text;
  const local = m[1] ?? '';
  const at = m[2] ?? '@';
  const first = m[3] ?? '';
  const tail = m[4] ?? '';
  const start = m.index;
  const atIndex = start + local.length + at.length - 1;
  const from = view.from[start] ?? 0;
  const source = original.slice(from, view.to[atIndex + 1] ?? from);
  const literal = LITERAL_AT.test(source);
  const afterFirst = atIndex + 1 + first.length;
  // The last label that is a top-level domain ends the address.
  let end = -1;
  let offset = afterFirst;
  for (const part of tail.match(/[.,][\p{L}\p{N}-]+/gu) ?? []) {
    offset += part.length;
    if (TLDS.has(part.slice(1).toLowerCase())) end = offset;
  }
  const provider = PROVIDERS.includes(first.toLowerCase());
  if (!literal) {
    // Written out: "maria at gmail dot com". The local part must read as one, and a bare " at " needs more.
    if (STOPWORDS.has(local.toLowerCase()) || local.length < 2) return -1;
    const bareAt = /\sat\s/i.test(source) && !/[[({<]/.test(source);
    const featured = /[\d_.]/.test(local);
    const cue = EMAIL_CUE.test(text.slice(Math.max(0, start - 30), start));
    if (bareAt && end < 0 && !(provider && (featured || cue))) return -1;
    if (bareAt && end >= 0 && !featured && !provider && !cue) return -1;
  }
  if (end < 0 && provider) return afterFirst;
  // "name@word": an address without its domain's end ("sn@p" is a word with an @ for an a).
  if (end < 0 && literal && at === '@' && !/\s/.test(source) && first.length >= 3 && local.length >= 2) return afterFirst;
  return end;
}

/** Stretches of text that could hold a link: a scheme, `www.`, or words joined by dots. linkify-it reads each. */
const CANDIDATE =
  /(?:[a-z][a-z0-9+.-]{1,9}:\/\/|www\.)(?=[\p{L}\p{N}])[^\s<>"\uFFFC]+|(?<![\p{L}\p{N}_@.-])[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+(?:[/:?#][^\s<>"]*)?/giu;

/** A candidate that is a link by its start, whatever follows. */
const SCHEMED = /^(?:[a-z][a-z0-9+.-]{1,9}:\/\/|www\.)/i;

/** Links: with a scheme, `www.`, or a host on a real top-level domain (positions in the view). */
export function findLinks(view: View, original: string): Found[] {
  const text = view.text;
  const found: Found[] = [];
  CANDIDATE.lastIndex = 0;
  for (let c = CANDIDATE.exec(text); c !== null; c = CANDIDATE.exec(text)) {
    let candidate = c[0];
    let offset = c.index;
    // A scheme nobody uses ("ttps://", "htp://"): the rest is read as a link without one.
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(candidate);
    if (scheme && !/^(?:https?|ftp)$/i.test(scheme[1] ?? '')) {
      candidate = candidate.slice(scheme[0].length);
      offset += scheme[0].length;
    }
    // Words a full stop joined to the host are read off again, last first: "matirdz.es . chloe.m06 …" is the link
    // "matirdz.es", as it reads once the address after it is removed.
    for (;;) {
      const links = linksIn(view, original, candidate, offset);
      found.push(...links);
      if (links.length > 0 || SCHEMED.test(candidate)) break;
      const host = candidate.split(/[/:?#]/)[0] ?? '';
      const cut = host.lastIndexOf('.');
      if (cut <= 0) break;
      candidate = host.slice(0, cut);
    }
  }
  return found;
}

/** The links linkify-it reads in one candidate that starts at `offset` of the view. */
function linksIn(view: View, original: string, candidate: string, offset: number): Found[] {
  const text = view.text;
  if (!SCHEMED.test(candidate)) {
    const host = candidate.split(/[/:?#]/)[0] ?? '';
    if (!TLDS.has((host.split('.').pop() ?? '').toLowerCase())) return [];
  }
  const found: Found[] = [];
  for (const match of linkify.match(candidate) ?? []) {
    const index = offset + match.index;
    const lastIndex = offset + match.lastIndex;
    const from = view.from[index] ?? 0;
    const to = view.to[lastIndex - 1] ?? from;
    const window = text.slice(Math.max(0, index - 20), index);
    // A cue before a removed detail speaks of that one, not of what follows it.
    const before = window.slice(window.lastIndexOf(OPAQUE) + 1);
    // A bare domain that is a whole line of the comment is a link, whatever its top-level domain.
    const alone = /(?:^|\n)\s*$/.test(text.slice(0, index)) && /^[\s.!?]*(?:\n|$)/.test(text.slice(lastIndex, lastIndex + 40));
    if (acceptLink(match.raw, match.schema, original.slice(from, to), before, alone)) found.push({ start: index, end: lastIndex });
  }
  return found;
}
