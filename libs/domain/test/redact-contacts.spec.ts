import { describe, expect, it } from '@jest/globals';
import { REDACTED, redactContacts } from '#domain';

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
    expect(redacted).not.toMatch(/maria|\d{4}\s?\d{3,4}|@\w|gmail|instagram|whatsapp\.com|wa\.me|t\.me|discord\.gg|bit\.ly|mysite|myblog|mariablog/i);
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
