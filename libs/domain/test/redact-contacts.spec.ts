import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { REDACTED, redactContacts } from '#domain';
import { REDACTION_CASES } from '../../../test/support/redaction-cases.js';

/** Real-world shapes of contact details, and the obfuscations people use to slip them past filters. */
const CONTACTS: readonly [string, string][] = [
  ['plain e-mail', 'write to maria.lopez@gmail.com please'],
  ['e-mail with plus', 'ana+ngo@proton.me'],
  ['e-mail on a country domain', 'jan.devries@ziggo.nl'],
  ['e-mail with subdomain', 'contact@mail.youth-panel.org.uk'],
  ['e-mail on an unusual top-level domain', 'maria.school@correo.example'],
  ['e-mail on a new top-level domain', 'maria@studio.photography'],
  ['e-mail "at" and "dot"', 'maria at gmail dot com'],
  ['e-mail [at] [dot]', 'maria [at] gmail [dot] com'],
  ['e-mail (at) (dot)', 'maria(at)gmail(dot)com'],
  ['e-mail with spaced at', 'maria @ gmail.com'],
  ['e-mail <at>', 'maria<at>hotmail<dot>com'],
  ['http URL', 'see http://example.org/page'],
  ['https URL', 'https://instagram.com/maria_05'],
  ['www address', 'www.myblog.net'],
  ['bare domain', 'find me on mysite.com'],
  ['bare domain with path', 'linktr.ee/maria is fine? no: bit.ly/3xYz'],
  ['domain "dot"', 'visit mariablog dot com'],
  ['handle', 'follow @maria_05'],
  ['handle with dots', 'I am @maria.lopez.22'],
  ['WhatsApp link', 'wa.me/50688887777'],
  ['Telegram link', 't.me/maria05'],
  ['WhatsApp group invite', 'chat.whatsapp.com/AbCdEf123'],
  ['Discord invite', 'discord.gg/abc123'],
  ['add me on snap', 'add me on snap: maria05'],
  ['add me on insta', 'add me on insta maria.lopez'],
  ['my snapchat is', 'my snapchat is maria_05'],
  ['telegram colon', 'telegram: @maria05'],
  ['dm me on', 'dm me on tiktok mariadances'],
  ['whatsapp colon', 'WhatsApp: maria05'],
  ['international phone', 'call +506 8888 7777'],
  ['international phone with dashes', '+31-6-1234-5678'],
  ['international phone with brackets', '+44 (0) 20 7946 0958'],
  ['00 prefix', '0031 6 12345678'],
  ['local mobile', '06 1234 5678'],
  ['local with dashes', '8888-7777 anytime'],
  ['local with dots', '020.794.6095'],
  ['US style', '(555) 123-4567'],
  ['digits run', 'my number 0612345678'],
  ['spaced digits', '0 6 1 2 3 4 5 6 7 8'],
  ['phone in a sentence', 'text me at 612 345 678 after school'],
  ['two contacts', 'mail maria@x.org or call +506 8888 7777'],
  ['handle at start', '@maria05 is me'],
  ['messenger link', 'm.me/maria.lopez'],
  ['skype', 'skype: maria.lopez05'],
];

const UNTOUCHED: readonly string[] = [
  'The plan runs 2009-2013 and the deadline is 2013-12-31.',
  'We met on 31/12/2013 and again on 15.01.2014.',
  'Agenda for Action 2.i.b asks for this.',
  'Training reached 45% of staff, up from 12.5%.',
  'The budget is $1,000,000 (about € 950.000).',
  'Over 1 000 000 travellers received information.',
  'Criterion 6: report annually.',
  'About 300 members in 140 countries.',
  'Law 1336 of 2009 made the code mandatory.',
  'Milestone 3 moved twice; 80 officers trained since April 2018.',
  'Line 4 of the report and x 2 more.',
  'e.g. the youth panel, i.e. us.',
];

describe('contact redaction', () => {
  it.each(CONTACTS)('removes %s', (_, text) => {
    const { text: redacted, redactions } = redactContacts(text);
    expect(redactions).toBeGreaterThan(0);
    expect(redacted).toContain(REDACTED);
    expect(redacted).not.toMatch(
      /maria|\d{4}\s?\d{3,4}|@\w|gmail|instagram|whatsapp\.com|wa\.me|t\.me|discord\.gg|bit\.ly|mysite|myblog|mariablog/i,
    );
  });

  it.each(UNTOUCHED)('leaves alone: %s', (text) => {
    expect(redactContacts(text)).toEqual({ text, redactions: 0 });
  });

  it('counts each contact detail once', () => {
    expect(redactContacts('mail maria@x.org or call +506 8888 7777').redactions).toBe(2);
  });

  it('is stable: redacting twice changes nothing more', () => {
    const once = redactContacts('call +506 8888 7777 or maria at gmail dot com').text;
    expect(redactContacts(once)).toEqual({ text: once, redactions: 0 });
  });
});

/** given a comment (and the plan's country) / when it is redacted / then these parts are gone, or nothing changed. */
function given(text: string, country?: string) {
  const result = redactContacts(text, country === undefined ? undefined : { country });
  return {
    thenRemoved: (...parts: string[]) => {
      expect(result.redactions).toBeGreaterThan(0);
      for (const part of parts) expect(result.text).not.toContain(part);
    },
    thenReads: (expected: string, redactions = 1) => expect(result).toEqual({ text: expected, redactions }),
    thenUntouched: () => expect(result).toEqual({ text, redactions: 0 }),
  };
}

describe('given a phone number', () => {
  it('in UK and Dutch mobile formats, then it is removed', () => {
    given('call me on 07700 900123 after school').thenReads(`call me on ${REDACTED} after school`);
    given('bel me: 06-12345678').thenReads(`bel me: ${REDACTED}`);
    given('+31 6 12345678 (NL)').thenReads(`${REDACTED} (NL)`);
  });

  it('in dotted and dashed North American formats, then it is removed', () => {
    given('my number: 555.867.5309').thenReads(`my number: ${REDACTED}`);
    given('555-867-5309 is my cell').thenReads(`${REDACTED} is my cell`);
    given('(212) 555-0147 call anytime').thenReads(`${REDACTED} call anytime`);
  });

  it('split by slashes, underscores, commas or emoji, then it is removed', () => {
    given('my no is 07911/123/456').thenRemoved('07911', '456');
    given('07911_123_456 whatsapp me').thenRemoved('07911', '456');
    given('number 07911,123,456').thenRemoved('07911', '456');
    given('07911🔥123🔥456 hmu').thenRemoved('07911', '456');
    given('06/12/34/56/78').thenReads(REDACTED);
  });

  it('in full-width, Thai, Devanagari, mathematical or keycap digits, then it is removed', () => {
    given('call ０７９１１ １２３４５６').thenReads(`call ${REDACTED}`);
    given('โทร ๐๘๑ ๒๓๔ ๕๖๗๘ call me').thenRemoved('๐๘๑', '๕๖๗๘');
    given('call +४४ ७९११ १२३४५६').thenRemoved('७९११');
    given('ring 𝟎𝟕𝟗𝟏𝟏 𝟏𝟐𝟑𝟒𝟓𝟔').thenRemoved('𝟎𝟕𝟗𝟏𝟏');
    given('my number 0️⃣7️⃣9️⃣1️⃣1️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣').thenReads(`my number ${REDACTED}`);
  });

  it('with zero-width characters or letters for digits inside, then it is removed', () => {
    given('text 07911\u200B123\u200B456').thenReads(`text ${REDACTED}`);
    given('call O7911 l23456').thenReads(`call ${REDACTED}`);
  });

  it('spelled out in English, French, Spanish or Portuguese, then it is removed', () => {
    given('zero seven nine one one, one two three, four five six').thenReads(REDACTED);
    given('zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit').thenReads(REDACTED);
    given('mi número: seis, uno, dos, tres, cuatro, cinco, seis, siete, ocho').thenReads(`mi número: ${REDACTED}`);
    given('meu número é nove meia meia meia, um dois três quatro').thenReads(`meu número é ${REDACTED}`);
  });

  it('given in pieces after "my number", then every piece is removed', () => {
    given('my number starts with 0791 and ends with 123456').thenRemoved('0791', '123456');
  });

  it("that is valid only in the plan's country, then the country decides", () => {
    given('the office is 2123456', 'PA').thenReads(`the office is ${REDACTED}`);
    given('the office is 2123456').thenUntouched();
  });

  it('that is a child helpline, then it stays', () => {
    given('116 111 is the child helpline number in Europe.').thenUntouched();
    given('Call Childline on 0800 1111.').thenUntouched();
    given('Dial 911 in an emergency, or 112 in Europe; 119 in France; 1098 in India; 100 in Brazil.').thenUntouched();
    given('Childhelp: 1-800-422-4453.').thenUntouched();
  });
});

describe('given an e-mail address', () => {
  it('written out in English, French, Spanish or Portuguese, then it is removed', () => {
    given('sofi.rdz09 at gmail dot com').thenReads(REDACTED);
    given('inesdu75 arobase orange point fr').thenReads(REDACTED);
    given('valen.gomez arroba gmail punto com').thenReads(REDACTED);
    given('bia_2010 arroba gmail ponto com').thenReads(REDACTED);
  });

  it('with brackets, _at_, spaces or without a top-level domain after a known provider, then it is removed', () => {
    given('sofi.rdz09 [at] gmail [dot] com').thenReads(REDACTED);
    given('sofi.rdz09_at_gmail.com').thenReads(REDACTED);
    given('sofi.rdz09 @ gmail . com').thenReads(REDACTED);
    given('sofi.rdz09@gmail[.]com').thenReads(REDACTED);
    given('email me sofi.rdz09 at hotmail').thenReads(`email me ${REDACTED}`);
    given('mon mail : inesdu75 arobase gmail').thenReads(`mon mail : ${REDACTED}`);
  });

  it('with a full-width at sign, zero-width characters or Cyrillic letters, then all of it is removed', () => {
    given('sofirdz09＠gmail．com').thenReads(REDACTED);
    given('sofirdz09\u200B@\u200Bgmail\u200B.\u200Bcom').thenReads(REDACTED);
    given('ѕоfirdz09@gmаil.com').thenReads(REDACTED);
  });
});

describe('given a link', () => {
  it('on any top-level domain of the IANA list, then it is removed', () => {
    given('lily@studio.photography').thenReads(REDACTED);
    given('check out kenjiblog.net').thenReads(`check out ${REDACTED}`);
    given('noahzone.lol').thenReads(REDACTED);
  });

  it('written hxxp, with [.], (.), " dot ", 。 or full-width dots, then it is removed', () => {
    given('hxxps://kenjiblog[.]net/post').thenReads(REDACTED);
    given('kenjiblog(.)net').thenReads(REDACTED);
    given('kenjiblog dot net').thenReads(REDACTED);
    given('kenjiblog。net').thenReads(REDACTED);
    given('ｋｅｎｊｉｂｌｏｇ.net').thenReads(REDACTED);
    given('mi página valengomez punto com').thenReads(`mi página ${REDACTED}`);
  });

  it('that is a missing space before a capitalised word, then it is not a link', () => {
    given('We finished the training.At the end we voted.').thenUntouched();
    given('fin del taller.Es importante seguir.').thenUntouched();
    given('e.g. the youth panel, i.e. us, etc.').thenUntouched();
  });
});

describe('given a handle or an invitation', () => {
  it('after a platform name or its short form, then the handle is removed', () => {
    given('ig: lily.h2010').thenReads(`ig: ${REDACTED}`);
    given('sc: noahxo').thenReads(`sc: ${REDACTED}`);
    given('snap me noahxo').thenReads(`snap me ${REDACTED}`);
    given('tiktok @noahdances').thenReads(`tiktok ${REDACTED}`);
  });

  it('as "my … is …" in English, French, Spanish and Portuguese, then the handle is removed', () => {
    given('my discord is noah#4821').thenReads(`my discord is ${REDACTED}`);
    given("mon snap c'est noahxo").thenReads(`mon snap c'est ${REDACTED}`);
    given('mi insta es valen.gomez').thenReads(`mi insta es ${REDACTED}`);
    given('meu insta é bia.costa10').thenReads(`meu insta é ${REDACTED}`);
  });

  it('as an invitation, on game platforms too, then the handle is removed', () => {
    given('add me on roblox: NoahBloxx09').thenReads(`add me on roblox: ${REDACTED}`);
    given('ajoute-moi sur snap noahxo').thenReads(`ajoute-moi sur snap ${REDACTED}`);
    given('búscame en tiktok como valenbaila').thenReads(`búscame en tiktok como ${REDACTED}`);
    given('me segue no insta @bia.costa10').thenReads(`me segue no insta ${REDACTED}`);
    given('my gamertag is NoahGamer09').thenReads(`my gamertag is ${REDACTED}`);
    given('noah#4821 on discord').thenReads(`${REDACTED} on discord`);
  });

  it('in disguise (Cyrillic letters, leet, spaced letters), then the handle is removed', () => {
    given('my ѕnap is noahxo').thenReads(`my ѕnap is ${REDACTED}`);
    given('my 1nsta is lily.draws').thenReads(`my 1nsta is ${REDACTED}`);
    given('mi insta es v a l e n . g o m e z').thenRemoved('g o m e z');
  });

  it('that is a platform named in an ordinary sentence, then nothing changes', () => {
    given('my signal is weak here, sorry for the late reply').thenUntouched();
    given('line 5 of the report is wrong').thenUntouched();
    given('it was a snap decision').thenUntouched();
    given('my insta is private').thenUntouched();
    given('mon snap est nul').thenUntouched();
    given('Discord servers need better moderation.').thenUntouched();
  });
});

describe('given ordinary text', () => {
  it('with years, amounts, laws, dates, times and percentages, then nothing changes', () => {
    given('2010 2011 2012 were the pilot years.').thenUntouched();
    given('2100000 tourists visited the country in 2012.').thenUntouched();
    given('1,000,000 and 950.000 € and 1 000 000 de voyageurs').thenUntouched();
    given('Law 1336 of 2009, article 34, art. 3.1.b, ISO 3166-1, Lei nº 8.069/1990, Regulation (EU) 2016/679').thenUntouched();
    given('from 01/01/2010 to 31/12/2013, Monday 14.03.2016, 09:30-11:00, 45% and 12,5 %').thenUntouched();
  });
});

describe('the redactor itself', () => {
  it('keeps everything outside what it removes byte for byte', () => {
    const text = 'Über 2009–2013 👋🏽: write to sofi.rdz09@gmail.com — or not.\r\n\tÇa va ?';
    expect(redactContacts(text)).toEqual({ text: `Über 2009–2013 👋🏽: write to ${REDACTED} — or not.\r\n\tÇa va ?`, redactions: 1 });
  });

  it('reads a redacted text as it read the original: a second pass finds nothing new', () => {
    // Found by the property below: each of these once left a piece that a second pass took (now the first one does).
    for (const [text, country, mustGo] of [
      ['+7% in 2014 06 12 34 56 78 07911 123456 (text only)', 'BR', ['78', '07911', '123456']],
      // Digits on both sides of an earlier redaction are not one number.
      ['+7% in 2014 [contact removed] 123456 (text only)', 'BR', []],
      ['+506 8888-7777 0 i g : l i l y . d r a w s', undefined, ['7777', 'l i l y']],
      ['my number starts with 0791 and ends with 123456 my number starts with 0791 and ends with 123456', undefined, ['0791', '123456']],
      ['mi blog es matirdz.es . chloe.m06 arobase laposte point net', undefined, ['matirdz', 'chloe']],
      ['noahw.github.io . KENJIBLOG.NET noahw . carrd . co', 'xx', ['noahw', 'KENJIBLOG', 'carrd']],
      ['my number starts with 0791 and ends with 123456 discord: noah#4821 24/7 support', '', ['0791', '123456', 'noah']],
      ['búscame como noahw_ 3001234567 noahplays is my discord', '', ['noahw', '3001234567', 'noahplays']],
      ['zero seven nine double one, one two three four five six . www.noahplays.page', 'CR', ['zero seven', 'noahplays']],
    ] as const) {
      const options = country === undefined ? undefined : { country };
      const once = redactContacts(text, options);
      for (const piece of mustGo) expect(once.text).not.toContain(piece);
      expect(redactContacts(once.text, options)).toEqual({ text: once.text, redactions: 0 });
    }
  });

  it('never throws, keeps the text outside its replacements, and changes nothing more when run again', () => {
    const fragments = REDACTION_CASES.map((c) => c.text);
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...fragments),
      fc.constantFrom(
        '\uD800',
        '\uDC00',
        '\u0000',
        '\u202E',
        '\u200B',
        '\uFE0F',
        '\u20E3',
        '😀',
        '@',
        '.',
        ' ',
        '+',
        '0',
        '#',
        '[contact removed]',
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.constantFrom(undefined, 'NL', 'CR', 'BR', 'xx', ''), (parts, country) => {
        const text = parts.join(' ');
        const once = redactContacts(text, country === undefined ? undefined : { country });
        // Outside the replacements, the text is the original: its pieces appear in it, in order.
        let at = 0;
        for (const piece of once.text.split(REDACTED)) {
          const found = text.indexOf(piece, at);
          expect(found).toBeGreaterThanOrEqual(0);
          at = found + piece.length;
        }
        expect(redactContacts(once.text, country === undefined ? undefined : { country }).redactions).toBe(0);
      }),
      { numRuns: 1000, endOnFailure: true },
    );
  });

  it('takes any input: unpaired surrogates, control characters, 2,000 emoji, 2,000 digits', () => {
    for (const text of [
      '\uD800',
      '\uDC00x\uD800',
      '\u0000\u0001\u0002',
      '😀'.repeat(1000),
      '1'.repeat(2000),
      '0 '.repeat(1000),
      '',
      '@'.repeat(2000),
      '.'.repeat(2000),
    ]) {
      expect(() => redactContacts(text)).not.toThrow();
    }
    expect(redactContacts('😀'.repeat(1000))).toEqual({ text: '😀'.repeat(1000), redactions: 0 });
  });

  it("gets through comments of 2,000 characters (a runaway pattern never returns; its speed is `npm run redaction`'s)", () => {
    const comment = REDACTION_CASES.map((c) => c.text)
      .join(' ')
      .slice(0, 2000);
    const first = redactContacts(comment, { country: 'NL' });
    for (let k = 0; k < 10; k += 1) expect(redactContacts(comment, { country: 'NL' })).toEqual(first);
    expect(first.redactions).toBeGreaterThan(0);
  });
});
