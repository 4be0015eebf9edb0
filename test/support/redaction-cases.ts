/**
 * The red-team table for `redactContacts`: texts that carry a contact detail (and the substrings that must be gone
 * afterwards), and ordinary texts that must come out byte for byte. Written from the side of someone who wants to slip
 * a contact past the filter, in English, French, Spanish and Portuguese, plain and disguised; the contact details are
 * invented. Each `mustGo` is the part that identifies the person (local part of an address, digits of a number,
 * handle, path): a contact counts as removed only when every one of them is gone, so removing half a number does not
 * count. `country` is the plan's country where the case needs one (ISO 3166-1 alpha-2).
 *
 * Run by libs/domain/test/redaction-table.spec.ts (in `npm test`) and by test/bench/redaction.ts (`npm run redaction`).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Lang = 'en' | 'fr' | 'es' | 'pt';
export type ContactClass = 'phone' | 'phone-words' | 'email' | 'link' | 'handle' | 'mixed';
export type OrdinaryClass =
  | 'years'
  | 'amounts'
  | 'legal'
  | 'codes'
  | 'dates-times'
  | 'percent'
  | 'helplines'
  | 'abbreviations'
  | 'platform-words'
  | 'number-words'
  | 'prose'
  | `ordinary-${string}`;

export interface ContactCase {
  readonly kind: 'contact';
  readonly cls: ContactClass;
  readonly lang: Lang;
  readonly disguised: boolean;
  readonly text: string;
  readonly mustGo: readonly string[];
  readonly country?: string;
}

export interface OrdinaryCase {
  readonly kind: 'ordinary';
  readonly cls: OrdinaryClass;
  readonly lang: Lang;
  readonly text: string;
  readonly country?: string;
}

export type RedactionCase = ContactCase | OrdinaryCase;

type Row = readonly [Lang, string, readonly string[], { readonly country?: string }?];
type OrdinaryRow = readonly [Lang, string, { readonly country?: string }?];

const contacts = (cls: ContactClass, disguised: boolean, rows: readonly Row[]): ContactCase[] =>
  rows.map(([lang, text, mustGo, extra]) => ({ kind: 'contact', cls, lang, disguised, text, mustGo, ...extra }));

const ordinary = (cls: OrdinaryClass, rows: readonly OrdinaryRow[]): OrdinaryCase[] =>
  rows.map(([lang, text, extra]) => ({ kind: 'ordinary', cls, lang, text, ...extra }));

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers, written the usual ways.
const PHONES_PLAIN: readonly Row[] = [
  ['en', 'call me on 07700 900123 after school', ['07700', '900123']],
  ['en', 'my mobile is 07911 123456', ['07911', '123456']],
  ['en', 'text me +44 7911 123456', ['7911', '123456']],
  ['en', 'ring me on 020 7946 0958 tonight', ['7946', '0958']],
  ['en', '+44 (0)7911 123 456 is my number', ['7911', '123 456']],
  ['en', '555-867-5309 is my cell', ['867', '5309']],
  ['en', 'my number: 555.867.5309', ['867', '5309']],
  ['en', '(212) 555-0147 call anytime', ['(212)', '0147']],
  ['en', 'hit me up 415 555 2671', ['415', '2671']],
  ['en', '4155552671 text only pls', ['4155552671']],
  ['en', 'whatsapp +1 415 555 2671', ['415', '2671']],
  ['en', 'call 1-800-555-0199 and ask for me', ['555', '0199']],
  ['en', 'txt 0412 345 678 (aussie number)', ['0412', '345 678']],
  ['en', 'my cell 646.555.0123', ['646', '0123']],
  ['en', 'reach me at 646-555-0123 after 5', ['646', '0123']],
  ['en', 'my number is 07911123456', ['07911123456']],
  ['en', 'UK mobile: 07911 123 456', ['07911', '123 456']],
  ['en', 'call +447911123456', ['447911123456']],
  ['en', 'number is 0044 7911 123456', ['7911', '123456']],
  ['en', 'my phone is 6465550123 text me', ['6465550123']],
  ['en', 'Thai friends: my number 081 234 5678', ['081', '5678']],
  ['en', 'call +66 81 234 5678', ['81 234', '5678']],
  ['en', 'bel me: 06-12345678', ['12345678']],
  ['en', 'my Dutch number is 06 12345678', ['12345678']],
  ['en', '+31 6 12345678 (NL)', ['12345678']],
  ['en', 'app me 0031612345678', ['0031612345678']],
  ['en', 'call 06 - 123 456 78', ['123 456 78']],
  ['en', 'my number is 8888 7777', ['8888 7777'], { country: 'CR' }],
  ['en', 'add me 0612345678', ['0612345678'], { country: 'NL' }],
  ['fr', 'appelle-moi au 06 12 34 56 78', ['06 12 34', '56 78']],
  ['fr', 'mon 06 : 06.12.34.56.78', ['06.12.34', '56.78']],
  ['fr', "mon numéro c'est 0612345678", ['0612345678']],
  ['fr', 'tél : +33 6 12 34 56 78', ['6 12 34', '56 78']],
  ['fr', 'écris-moi au 07 98 76 54 32 le soir', ['07 98 76', '54 32']],
  ['fr', 'mon portable 06-12-34-56-78', ['06-12-34', '56-78']],
  ['fr', 'appelez le 0033 6 12 34 56 78', ['6 12 34', '56 78']],
  ['fr', 'mon num: +33 (0)6 12 34 56 78', ['12 34', '56 78']],
  ['fr', 'envoie un sms au 0798765432', ['0798765432']],
  ['fr', 'Belgique : 0470 12 34 56', ['0470', '12 34 56']],
  ['fr', '06 12 34 56 78', ['06 12 34', '56 78'], { country: 'FR' }],
  ['es', 'llámame al 612 345 678', ['612', '345 678']],
  ['es', 'mi número es 612345678', ['612345678']],
  ['es', 'escríbeme al +34 612 34 56 78', ['612 34', '56 78']],
  ['es', 'mi cel 55 1234 5678 (CDMX)', ['55 1234', '5678']],
  ['es', 'márcame al +52 1 55 1234 5678', ['1234', '5678']],
  ['es', 'mi celular es (55) 1234-5678', ['1234-5678']],
  ['es', 'mi número 300 123 4567 (Colombia)', ['300 123', '4567']],
  ['es', 'wsp +57 300 1234567', ['1234567']],
  ['es', 'llámame 3001234567', ['3001234567']],
  ['es', 'mi número es 8888-7777', ['8888-7777']],
  ['es', 'escríbeme +506 8888 7777', ['8888 7777']],
  ['es', 'teléfono: 0034 612 345 678', ['612 345', '678']],
  ['es', 'Argentina: mi cel es 11 15 2345 6789', ['2345', '6789']],
  ['es', 'mi móvil 699-123-456', ['699-123-456']],
  ['es', '8888-7777 a cualquier hora', ['8888-7777'], { country: 'CR' }],
  ['es', '3001234567', ['3001234567'], { country: 'CO' }],
  ['pt', 'me liga (11) 98765-4321', ['98765-4321']],
  ['pt', 'meu zap é 11 98765 4321', ['98765 4321']],
  ['pt', 'chama no whats +55 11 98765-4321', ['98765-4321']],
  ['pt', 'meu número 11987654321', ['11987654321']],
  ['pt', 'me liga no (21) 9 8765-4321', ['8765-4321']],
  ['pt', 'liga-me para o 912 345 678', ['912 345', '678']],
  ['pt', 'telemóvel: +351 912 345 678', ['912 345', '678']],
  ['pt', 'meu celular: 021 98765-4321', ['98765-4321']],
  ['pt', 'me manda msg 9 8765 4321', ['8765 4321']],
  ['pt', 'contato: 0055 21 98765 4321', ['98765', '4321']],
  ['pt', '11 98765-4321', ['98765-4321'], { country: 'BR' }],
];

// Phone numbers dressed up to get past a filter.
const PHONES_DISGUISED: readonly Row[] = [
  ['en', 'call 0 7 9 1 1 1 2 3 4 5 6', ['0 7 9 1 1', '3 4 5 6']],
  ['en', 'my no is 07911/123/456', ['07911', '123/456']],
  ['en', '07911_123_456 whatsapp me', ['07911', '123_456']],
  ['en', 'number 07911,123,456', ['07911', '123,456']],
  ['en', 'call ０７９１１ １２３４５６', ['０７９１１', '１２３４５６']],
  ['en', 'ring 𝟎𝟕𝟗𝟏𝟏 𝟏𝟐𝟑𝟒𝟓𝟔', ['𝟎𝟕𝟗𝟏𝟏', '𝟏𝟐𝟑𝟒𝟓𝟔']],
  ['en', '⓪⑦⑨①① ①②③④⑤⑥ text me', ['⓪⑦⑨①①', '①②③④⑤⑥']],
  ['en', 'my number 0️⃣7️⃣9️⃣1️⃣1️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣', ['7️⃣9️⃣1️⃣', '4️⃣5️⃣6️⃣']],
  ['en', 'โทร ๐๘๑ ๒๓๔ ๕๖๗๘ call me', ['๐๘๑', '๕๖๗๘']],
  ['en', 'call O7911 l23456', ['O7911', 'l23456']],
  ['en', 'text 07911\u200B123\u200B456', ['07911', '456']],
  ['en', 'my number 0791\u00AD1123\u00AD456', ['0791', '123\u00AD456']],
  ['en', '0 7 9 1 1 - 1 2 3 - 4 5 6', ['0 7 9 1 1', '4 5 6']],
  ['en', 'my digits: 07 91 11 23 45 6', ['07 91 11', '23 45 6']],
  ['en', '07911🔥123🔥456 hmu', ['07911', '456']],
  ['en', 'call +४४ ७९११ १२३४५६', ['७९११', '१२३४५६']],
  ['en', 'call ٠٧٩١١ ١٢٣٤٥٦', ['٠٧٩١١', '١٢٣٤٥٦']],
  ['en', 'my number is ⁰⁷⁹¹¹ ¹²³⁴⁵⁶', ['⁰⁷⁹¹¹', '¹²³⁴⁵⁶']],
  ['en', '0̲7̲9̲1̲1̲ 1̲2̲3̲4̲5̲6̲ text me', ['0̲7̲9̲1̲1̲', '4̲5̲6̲']],
  ['en', '(0)7911.123.456', ['7911', '123.456']],
  ['en', '0 7 9 1 1 / 1 2 3 / 4 5 6', ['0 7 9 1 1', '4 5 6']],
  ['en', '447911123456 is my whatsapp', ['447911123456']],
  ['fr', '06/12/34/56/78', ['06/12/34', '56/78']],
  ['fr', '0６ 1２ 3４ 5６ 7８ appelle', ['0６ 1２', '5６ 7８']],
  ['fr', 'mon num : 06_12_34_56_78', ['06_12_34', '56_78']],
  ['fr', '06,12,34,56,78 appelle-moi', ['06,12,34', '56,78']],
  ['fr', '06 12 34 56 78 (enlève les espaces)', ['06 12 34', '56 78']],
  ['fr', 'le 06 12 34 5 6 7 8', ['06 12 34', '5 6 7 8']],
  ['fr', 'mon tel 06.12.34.56.78 !!', ['06.12.34', '56.78']],
  ['es', 'mi número: 6 1 2 3 4 5 6 7 8', ['6 1 2 3', '5 6 7 8']],
  ['es', '6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣ es mi wsp', ['6️⃣1️⃣2️⃣', '6️⃣7️⃣8️⃣']],
  ['es', 'mi cel: 612.345.678', ['612.345', '678']],
  ['es', '612/34/56/78 wsp', ['612/34', '56/78']],
  ['es', 'llamame al ６１２ ３４５ ６７８', ['６１２', '３４５ ６７８']],
  ['es', 'cel: 5 5 1 2 3 4 5 6 7 8', ['5 5 1 2', '5 6 7 8']],
  ['es', 'mi wsp es 3oo 123 4567', ['3oo', '123 4567']],
  ['pt', '(11) 9.8765.4321', ['9.8765', '4321']],
  ['pt', 'zap 11_98765_4321', ['98765', '4321']],
  ['pt', '11 9８７６５ ４３２１', ['9８７６５', '４３２１']],
  ['pt', 'whats: 1️⃣1️⃣9️⃣8️⃣7️⃣6️⃣5️⃣4️⃣3️⃣2️⃣1️⃣', ['9️⃣8️⃣7️⃣', '3️⃣2️⃣1️⃣']],
  ['pt', 'liga 9 1 2 - 3 4 5 - 6 7 8', ['9 1 2', '6 7 8']],
];

// Phone numbers spelled out in words (runs of seven digits or more).
const PHONE_WORDS: readonly Row[] = [
  ['en', 'zero seven nine one one, one two three, four five six', ['seven nine one', 'four five six']],
  ['en', 'my number is oh seven nine one one one two three four five six', ['seven nine one', 'four five six']],
  ['en', 'six four six five five five zero one two three', ['six four six', 'one two three']],
  ['en', 'call me: zero 7 nine 1 one 1 two 3 four 5 six', ['zero 7 nine', 'four 5 six']],
  ['en', 'Six Four Six - Five Five Five - Zero One Two Three', ['Six Four Six', 'Zero One Two Three']],
  ['fr', 'zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit', ['douze, trente-quatre', 'soixante-dix-huit']],
  ['fr', 'zéro six un deux trois quatre cinq six sept huit', ['un deux trois', 'six sept huit']],
  ['fr', 'mon num: zéro sept quatre-vingt-dix-huit soixante-seize cinquante-quatre trente-deux', ['quatre-vingt-dix-huit', 'trente-deux']],
  ['es', 'seis uno dos tres cuatro cinco seis siete ocho', ['seis uno dos', 'seis siete ocho']],
  ['es', 'mi número: seis, uno, dos, tres, cuatro, cinco, seis, siete, ocho', ['seis, uno', 'siete, ocho']],
  ['es', 'seis uno dos, treinta y cuatro, cincuenta y seis, setenta y ocho', ['treinta y cuatro', 'setenta y ocho']],
  ['es', 'tres cero cero uno dos tres cuatro cinco seis siete', ['tres cero cero', 'cinco seis siete']],
  ['pt', 'nove oito sete seis cinco quatro três dois um', ['nove oito sete', 'três dois um']],
  ['pt', 'meu zap: onze, nove, oito sete seis cinco, quatro três dois um', ['oito sete seis', 'três dois um']],
  ['pt', 'meu número é nove meia meia meia, um dois três quatro', ['nove meia meia', 'dois três quatro']],
  ['pt', 'liga: zero vinte e um, nove oito sete seis cinco, quatro três dois um', ['nove oito sete', 'três dois um']],
];

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses.
const EMAILS_PLAIN: readonly Row[] = [
  ['en', 'write to sofi.rdz09@gmail.com please', ['sofi.rdz09']],
  ['en', 'ana+ngo@proton.me', ['ana+ngo']],
  ['en', 'jules_b12@hotmail.co.uk', ['jules_b12']],
  ['en', 'mail me: kenji.t@outlook.com', ['kenji.t']],
  ['en', 'contact@youth-panel-kenji.org', ['youth-panel-kenji']],
  ['en', 'my email is lily.h2010@yahoo.com', ['lily.h2010']],
  ['en', 'LILY.H2010@YAHOO.COM', ['LILY.H2010']],
  ['en', 'lily@studio.photography', ['lily@studio']],
  ['en', 'drop me a line: noah.w@icloud.com', ['noah.w']],
  ['en', 'my school address noah.w@student.example.ac.uk', ['noah.w']],
  ['fr', 'écris-moi : chloe.m06@laposte.net', ['chloe.m06']],
  ['fr', "mon mail c'est inesdu75@orange.fr", ['inesdu75']],
  ['fr', 'mon adresse : lucas.b@free.fr', ['lucas.b']],
  ['fr', 'contacte-moi sur emma_2009@sfr.fr', ['emma_2009']],
  ['es', 'mi correo es valen.gomez@gmail.com', ['valen.gomez']],
  ['es', 'escríbeme a mati_rdz@yahoo.com.mx', ['mati_rdz']],
  ['es', 'correo: camila.p@hotmail.es', ['camila.p']],
  ['es', 'sofia2009@outlook.com.co', ['sofia2009']],
  ['pt', 'meu email é joaozinho.s@bol.com.br', ['joaozinho.s']],
  ['pt', 'manda pra bia_2010@uol.com.br', ['bia_2010']],
  ['pt', 'email: pedro.m@sapo.pt', ['pedro.m']],
  ['pt', 'me manda um e-mail: lari.costa@gmail.com', ['lari.costa']],
];

const EMAILS_DISGUISED: readonly Row[] = [
  ['en', 'sofi.rdz09 at gmail dot com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09 [at] gmail [dot] com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09(at)gmail(dot)com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09 {at} gmail {dot} com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09_at_gmail.com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09 -at- gmail -dot- com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09 AT gmail DOT com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09 @ gmail . com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09@gmail', ['sofi.rdz09']],
  ['en', 'email me sofi.rdz09 at hotmail', ['sofi.rdz09']],
  ['en', 'sofi.rdz09@gmail[.]com', ['sofi.rdz09']],
  ['en', 'sofi.rdz09@gmail(.)com', ['sofi.rdz09']],
  ['en', 's o f i r d z 0 9 @ g m a i l . c o m', ['s o f i r d z 0 9']],
  ['en', 'sofirdz09＠gmail．com', ['sofirdz09']],
  ['en', 'sofirdz09@gmаil.com', ['sofirdz09']],
  ['en', 'ѕоfirdz09@gmail.com', ['ѕоfirdz09']],
  ['en', 'sofi\u200Brdz09@gmail.com', ['sofi\u200Brdz09']],
  ['en', 'sofirdz09\u200B@\u200Bgmail\u200B.\u200Bcom', ['sofirdz09']],
  ['en', 'sofirdz09@ɡmail.com', ['sofirdz09']],
  ['en', 'sofirdz09(a)gmail.com', ['sofirdz09']],
  ['en', 'sofi dot rdz at gmail dot com', ['sofi dot rdz']],
  ['en', 'my email: sofirdz09 on gmail', ['sofirdz09']],
  ['en', 'my gmail is sofirdz09', ['sofirdz09']],
  ['en', 'gmail: sofirdz09', ['sofirdz09']],
  ['en', 'sofirdz09 at gmail', ['sofirdz09']],
  ['en', 'S0FIRDZ09 @ GMAIL . COM', ['S0FIRDZ09']],
  ['en', 'sofirdz09 @gmail dot com', ['sofirdz09']],
  ['en', 'sofirdz09@gmail,com', ['sofirdz09']],
  ['en', 'sofirdz09@gmail com', ['sofirdz09']],
  ['en', '\u202Emoc.liamg@90zdrifos', ['90zdrifos']],
  ['fr', 'chloe.m06 arobase laposte point net', ['chloe.m06']],
  ['fr', 'inesdu75 arobase orange point fr', ['inesdu75']],
  ['fr', 'écris à lucas.b(arobase)free(point)fr', ['lucas.b']],
  ['fr', 'emma_2009[arobase]sfr[point]fr', ['emma_2009']],
  ['fr', 'mon mail : inesdu75 arobase gmail', ['inesdu75']],
  ['fr', 'chloe.m06 @ hotmail . fr', ['chloe.m06']],
  ['fr', 'inesdu75 at gmail point com', ['inesdu75']],
  ['fr', "mon adresse c'est lucas point b arobase gmail point com", ['lucas point b']],
  ['es', 'valen.gomez arroba gmail punto com', ['valen.gomez']],
  ['es', 'mi correo: mati_rdz arroba yahoo punto com punto mx', ['mati_rdz']],
  ['es', 'camila.p(arroba)hotmail(punto)es', ['camila.p']],
  ['es', 'camila.p [arroba] outlook [punto] com', ['camila.p']],
  ['es', 'escríbeme a sofia2009 arroba gmail', ['sofia2009']],
  ['es', 'valen punto gomez arroba gmail punto com', ['valen punto gomez']],
  ['es', 'sofia2009 @ hotmail . com', ['sofia2009']],
  ['es', 'mi mail es sofia2009 en hotmail', ['sofia2009']],
  ['es', 'correo: ѕofia2009@gmail.com', ['ѕofia2009']],
  ['pt', 'joaozinho.s arroba bol ponto com ponto br', ['joaozinho.s']],
  ['pt', 'bia_2010 arroba gmail ponto com', ['bia_2010']],
  ['pt', 'meu email: pedro.m(arroba)sapo(ponto)pt', ['pedro.m']],
  ['pt', 'lari.costa [arroba] hotmail [ponto] com', ['lari.costa']],
  ['pt', 'manda no e-mail bia_2010 arroba gmail', ['bia_2010']],
  ['pt', 'lari ponto costa arroba gmail ponto com', ['lari ponto costa']],
  ['pt', 'meu e-mail é bia_2010 no gmail', ['bia_2010']],
  ['pt', 'pedro.m＠gmail．com', ['pedro.m']],
];

// ---------------------------------------------------------------------------------------------------------------
// Links.
const LINKS_PLAIN: readonly Row[] = [
  ['en', 'check out kenjiblog.net', ['kenjiblog']],
  ['en', 'my site is lily-draws.dev', ['lily-draws']],
  ['en', 'https://instagram.com/lily.h2010', ['lily.h2010']],
  ['en', 'www.noahplays.page', ['noahplays']],
  ['en', 'bit.ly/3xYzAbc', ['3xYzAbc']],
  ['en', 'linktr.ee/lilyh2010', ['lilyh2010']],
  ['en', 't.me/kenji_t', ['kenji_t']],
  ['en', 'wa.me/447911123456', ['447911123456']],
  ['en', 'join discord.gg/AbCdEf12', ['AbCdEf12']],
  ['en', 'chat.whatsapp.com/KxYz12AbCd', ['KxYz12AbCd']],
  ['en', 'snapchat.com/add/lily.h10', ['lily.h10']],
  ['en', 'tiktok.com/@noahdances', ['noahdances']],
  ['en', 'http://lilyart.tumblr.com', ['lilyart']],
  ['en', 'twitch.tv/noahplays09', ['noahplays09']],
  ['en', 'steamcommunity.com/id/noah_gg', ['noah_gg']],
  ['en', 'roblox.com/users/123456789/profile', ['123456789']],
  ['en', 'my blog lilyh.wordpress.com', ['lilyh']],
  ['en', 'noahzone.lol', ['noahzone']],
  ['en', 'kenjiworld.xyz', ['kenjiworld']],
  ['en', 'm.me/lily.h2010', ['lily.h2010']],
  ['en', 'ig.me/m/lily.h2010', ['lily.h2010']],
  ['en', 'youtube.com/@noahplays', ['noahplays']],
  ['en', 'https://lily.carrd.co', ['lily.carrd']],
  ['en', 'lilydraws.dev/portfolio', ['lilydraws']],
  ['fr', 'va voir mon site inesdessine.fr', ['inesdessine']],
  ['fr', 'mon blog : https://chloe-m.blogspot.com', ['chloe-m']],
  ['fr', 'lien : linktr.ee/inesdu75', ['inesdu75']],
  ['es', 'visita mi página valengomez.com.mx', ['valengomez']],
  ['es', 'mi blog es matirdz.es', ['matirdz']],
  ['es', 'entra a www.camilap.co', ['camilap']],
  ['pt', 'acessa meu site biacosta.com.br', ['biacosta']],
  ['pt', 'meu blog: pedrom.pt', ['pedrom']],
  ['pt', 'olha esse link: bit.ly/bia2010', ['bia2010']],
];

const LINKS_DISGUISED: readonly Row[] = [
  ['en', 'hxxps://kenjiblog[.]net/post', ['kenjiblog']],
  ['en', 'hxxp://lilydraws(.)dev', ['lilydraws']],
  ['en', 'kenjiblog[.]net', ['kenjiblog']],
  ['en', 'kenjiblog(.)net', ['kenjiblog']],
  ['en', 'kenjiblog{.}net', ['kenjiblog']],
  ['en', 'kenjiblog dot net', ['kenjiblog']],
  ['en', 'kenjiblog [dot] net', ['kenjiblog']],
  ['en', 'kenjiblog(dot)net', ['kenjiblog']],
  ['en', 'kenjiblog。net', ['kenjiblog']],
  ['en', 'kenjiblog．net', ['kenjiblog']],
  ['en', 'ｋｅｎｊｉｂｌｏｇ.net', ['ｋｅｎｊｉｂｌｏｇ']],
  ['en', 'kеnjiblog.net', ['kеnjiblog']],
  ['en', 'kenji\u200Bblog.net', ['kenji\u200Bblog']],
  ['en', 'KENJIBLOG.NET', ['KENJIBLOG']],
  ['en', 'kenjiblog . net', ['kenjiblog']],
  ['en', 'h t t p s : / / kenjiblog . net', ['kenjiblog']],
  ['en', 'https：//kenjiblog。net', ['kenjiblog']],
  ['en', 'b i t . l y / 3xYzAbc', ['3xYzAbc']],
  ['en', 'bit(.)ly/3xYzAbc', ['3xYzAbc']],
  ['en', 'discord(.)gg/AbCdEf12', ['AbCdEf12']],
  ['en', 'discord dot gg slash AbCdEf12', ['AbCdEf12']],
  ['en', 'wa[.]me/447911123456', ['447911123456']],
  ['en', 't(.)me/kenji_t', ['kenji_t']],
  ['fr', 'mon site inesdessine point fr', ['inesdessine']],
  ['fr', 'inesdessine[point]fr', ['inesdessine']],
  ['es', 'mi página valengomez punto com', ['valengomez']],
  ['es', 'matirdz(punto)es', ['matirdz']],
  ['pt', 'biacosta ponto com ponto br', ['biacosta']],
  ['pt', 'pedrom[ponto]pt', ['pedrom']],
];

// ---------------------------------------------------------------------------------------------------------------
// Social handles and invitations to talk elsewhere.
const HANDLES_PLAIN: readonly Row[] = [
  ['en', 'follow @lily_h2010', ['lily_h2010']],
  ['en', 'ig: lily.h2010', ['lily.h2010']],
  ['en', 'IG lily_draws', ['lily_draws']],
  ['en', 'my insta is lily.draws', ['lily.draws']],
  ['en', 'insta: @lilydraws', ['lilydraws']],
  ['en', 'add me on insta lily.draws', ['lily.draws']],
  ['en', 'sc: noahxo', ['noahxo']],
  ['en', 'snap me noahxo', ['noahxo']],
  ['en', 'add me on snap noahxo', ['noahxo']],
  ['en', 'my snap is noahxo', ['noahxo']],
  ['en', 'my snapchat: noah.xo09', ['noah.xo09']],
  ['en', 'my discord is noah#4821', ['noah#4821']],
  ['en', 'discord: noah#4821', ['noah#4821']],
  ['en', 'noah#4821 on discord', ['noah#4821']],
  ['en', 'add me on discord, user noahplays_', ['noahplays_']],
  ['en', 'tiktok @noahdances', ['noahdances']],
  ['en', 'my tiktok is noahdances', ['noahdances']],
  ['en', 'tt: noahdances', ['noahdances']],
  ['en', 'add me on roblox: NoahBloxx09', ['NoahBloxx09']],
  ['en', 'my roblox is NoahBloxx09', ['NoahBloxx09']],
  ['en', 'my fortnite name is NoahFN_09', ['NoahFN_09']],
  ['en', 'epic: NoahFN_09', ['NoahFN_09']],
  ['en', 'psn: noah_gamer09', ['noah_gamer09']],
  ['en', 'my gamertag is NoahGamer09', ['NoahGamer09']],
  ['en', 'xbox: NoahGamer09', ['NoahGamer09']],
  ['en', 'my steam is noah_steam09', ['noah_steam09']],
  ['en', 'minecraft ign: noahcraft', ['noahcraft']],
  ['en', 'twitch: noahplays09', ['noahplays09']],
  ['en', 'kik: lily.kik', ['lily.kik']],
  ['en', 'my kik is lilykik10', ['lilykik10']],
  ['en', 'wechat id: lily_wx', ['lily_wx']],
  ['en', 'line id: lily2010', ['lily2010']],
  ['en', 'my line is lily2010', ['lily2010']],
  ['en', 'viber: +44 7911 123456', ['7911', '123456']],
  ['en', 'skype: live:lily.h2010', ['lily.h2010']],
  ['en', 'fb: lily.h.2010', ['lily.h.2010']],
  ['en', 'find me on facebook as lily.h.2010', ['lily.h.2010']],
  ['en', 'messenger: lily.h.2010', ['lily.h.2010']],
  ['en', 'twitter @lilyh', ['lilyh']],
  ['en', 'my x is @lilyh10', ['lilyh10']],
  ['en', 'threads: @lily.draws', ['lily.draws']],
  ['en', 'bluesky: lilyh.bsky.social', ['lilyh']],
  ['en', 'reddit u/noah_plays', ['noah_plays']],
  ['en', 'my signal is lily.01', ['lily.01']],
  ['en', 'telegram @kenji_t', ['kenji_t']],
  ['en', 'tg: kenji_t', ['kenji_t']],
  ['en', 'hmu on telegram kenji_t', ['kenji_t']],
  ['en', "I'm noahxo on snap", ['noahxo']],
  ['en', 'search noahdances on tiktok', ['noahdances']],
  ['en', 'my username is noahxo09 everywhere', ['noahxo09']],
  ['en', 'dm me on insta: lily.draws', ['lily.draws']],
  ['en', 'my valorant is noah#EUW', ['noah#EUW']],
  ['en', 'switch friend code SW-1234-5678-9012', ['1234-5678-9012']],
  ['en', 'yt: @noahplays', ['noahplays']],
  ['fr', "mon snap c'est noahxo", ['noahxo']],
  ['fr', 'mon snap : noahxo', ['noahxo']],
  ['fr', 'ajoute-moi sur snap noahxo', ['noahxo']],
  ['fr', "mon insta c'est ines.dessine", ['ines.dessine']],
  ['fr', 'suis-moi sur insta @ines.dessine', ['ines.dessine']],
  ['fr', 'mon discord : ines#7731', ['ines#7731']],
  ['fr', "mon tiktok c'est inesdanse", ['inesdanse']],
  ['fr', 'je suis inesxo sur snap', ['inesxo']],
  ['fr', 'rajoute moi sur insta : ines.dessine', ['ines.dessine']],
  ['fr', 'viens en mp sur insta ines.dessine', ['ines.dessine']],
  ['fr', "mon pseudo fortnite c'est InesFN", ['InesFN']],
  ['fr', 'ajoute moi sur roblox: InesBloxx', ['InesBloxx']],
  ['fr', 'écris-moi sur telegram @ines_75', ['ines_75']],
  ['fr', 'mon identifiant discord est ines_75', ['ines_75']],
  ['es', 'mi insta es valen.gomez', ['valen.gomez']],
  ['es', 'sígueme en insta @valen.gomez', ['valen.gomez']],
  ['es', 'agrégame al snap matixo', ['matixo']],
  ['es', 'mi snap: matixo', ['matixo']],
  ['es', 'búscame en tiktok como valenbaila', ['valenbaila']],
  ['es', 'mi tiktok es valenbaila', ['valenbaila']],
  ['es', 'mi discord es mati#2048', ['mati#2048']],
  ['es', 'mi usuario de roblox es MatiBloxx10', ['MatiBloxx10']],
  ['es', 'háblame al ig valen.gomez', ['valen.gomez']],
  ['es', 'soy matixo en snap', ['matixo']],
  ['es', 'agrégame en xbox: MatiGamer10', ['MatiGamer10']],
  ['es', 'escríbeme por telegram @mati_rdz', ['mati_rdz']],
  ['es', 'mi free fire es MatiFF10', ['MatiFF10']],
  ['es', 'mi kik: valenkik', ['valenkik']],
  ['pt', 'meu insta é bia.costa10', ['bia.costa10']],
  ['pt', 'me segue no insta @bia.costa10', ['bia.costa10']],
  ['pt', 'meu snap é pedroxo', ['pedroxo']],
  ['pt', 'me add no discord pedro#5150', ['pedro#5150']],
  ['pt', 'meu tiktok é biadanca', ['biadanca']],
  ['pt', 'meu roblox é PedroBloxx', ['PedroBloxx']],
  ['pt', 'me acha no ig como bia.costa10', ['bia.costa10']],
  ['pt', 'sou pedroxo no snap', ['pedroxo']],
  ['pt', 'segue lá: @bia.costa10', ['bia.costa10']],
  ['pt', 'chama no telegram @pedro_m', ['pedro_m']],
  ['pt', 'meu nick no minecraft é pedrocraft', ['pedrocraft']],
  ['pt', 'me adiciona no free fire: PedroFF', ['PedroFF']],
  ['pt', 'meu user do insta: bia.costa10', ['bia.costa10']],
];

const HANDLES_DISGUISED: readonly Row[] = [
  ['en', 'i g : l i l y . d r a w s', ['d r a w s']],
  ['en', 'ɪɢ: lily.draws', ['lily.draws']],
  ['en', 'my ѕnap is noahxo', ['noahxo']],
  ['en', 'my snäp is noahxo', ['noahxo']],
  ['en', 'іnsta: lily.draws', ['lily.draws']],
  ['en', 'insta -> lily.draws', ['lily.draws']],
  ['en', 'insta » lily.draws', ['lily.draws']],
  ['en', 'insta = lily.draws', ['lily.draws']],
  ['en', 'my 1nsta is lily.draws', ['lily.draws']],
  ['en', 'my s n a p is noahxo', ['noahxo']],
  ['en', 'sn@p: noahxo', ['noahxo']],
  ['en', 'my insta is lily dot draws', ['lily dot draws']],
  ['en', 'my insta is @ lily.draws', ['lily.draws']],
  ['en', 'insta lily_draws 👀', ['lily_draws']],
  ['en', 'ＩＧ：ｌｉｌｙ．ｄｒａｗｓ', ['ｌｉｌｙ．ｄｒａｗｓ']],
  ['en', 'follow @\u200Blily_h2010', ['lily_h2010']],
  ['en', 'follow ＠lily_h2010', ['lily_h2010']],
  ['en', 'my dіscord is noah#4821', ['noah#4821']],
  ['en', 'noah＃4821', ['noah＃4821']],
  ['en', 'my snap is noahxo (no caps)', ['noahxo']],
  ['fr', 'mon snap c’est noahxo', ['noahxo']],
  ['fr', 'mon snap cest noahxo', ['noahxo']],
  ['fr', 'mon snap: noah_xo_', ['noah_xo_']],
  ['fr', 'mon ѕnap c’est ines.xo', ['ines.xo']],
  ['es', 'mi insta es v a l e n . g o m e z', ['g o m e z']],
  ['es', 'mi ínsta es valen.gomez', ['valen.gomez']],
  ['es', 'mi snap es m a t i x o', ['m a t i x o']],
  ['pt', 'meu ínsta é bia.costa10', ['bia.costa10']],
  ['pt', 'meu insta eh bia.costa10', ['bia.costa10']],
  ['pt', 'meu zap é o mesmo do insta: bia.costa10', ['bia.costa10']],
];

// Several contact details in one comment, or one hidden in an ordinary comment.
const MIXED: readonly Row[] = [
  ['en', 'mail kenji.t@outlook.com or call +44 7911 123456', ['kenji.t', '7911', '123456']],
  ['en', 'snap noahxo, insta lily.draws', ['noahxo', 'lily.draws']],
  ['en', 'Thanks for the session! btw my insta is lily.draws and my number 07911 123456', ['lily.draws', '07911', '123456']],
  [
    'en',
    'I think the 2009-2013 plan did not reach the 80 officers it promised, and Law 1336 of 2009 is still not enforced in most hotels. If you want to talk more about it, my snap is noahxo.',
    ['noahxo'],
  ],
  ['fr', 'Je trouve que le plan 2009-2013 manquait de budget. Écris-moi : ines75 arobase gmail point com', ['ines75']],
  ['es', 'El plan de 2010 no funcionó. mi wsp 612 34 56 78', ['612 34', '56 78']],
  ['pt', 'O plano de 2015 foi bom. meu zap 11 98765-4321', ['98765-4321']],
  ['en', 'call 07911 123456 or 07700 900123', ['07911', '123456', '07700', '900123']],
  // Side by side, each read whole (what one of them takes must not leave a piece of the next behind).
  ['fr', 'mes numéros : 06 12 34 56 78 07911 123456', ['06 12 34 56 78', '07911', '123456']],
  ['es', 'mi número: 6 1 2 3 4 5 6 7 8 i g : l i l y . d r a w s', ['6 1 2 3 4 5 6 7 8', 'l i l y']],
  [
    'en',
    'my number starts with 0791 and ends with 123456 my number starts with 0792 and ends with 654321',
    ['0791', '123456', '0792', '654321'],
  ],
  ['es', 'mi blog es matirdz.es . chloe.m06 arobase laposte point net', ['matirdz', 'chloe.m06']],
  ['es', 'mi página valengomez punto com . zero seven nine double one, one two three four five six', ['valengomez', 'zero seven nine']],
];

// ---------------------------------------------------------------------------------------------------------------
// Second round: written after the first version of the engine passed the rows above, by reading it and trying to
// break it (spellings it does not know, orders it does not expect, and ordinary comments that look like contacts).
const ROUND_TWO_PHONES: readonly Row[] = [
  ['en', 'my number is +44 7911 123 456', ['7911', '123 456']],
  ['en', 'call/text 07911 123456', ['07911', '123456']],
  ['en', '(+44) 7911 123456', ['7911', '123456']],
  ['en', '+44-7911-123456', ['7911', '123456']],
  ['en', '+1 (415) 555-2671', ['415', '2671']],
  ['en', 'tel:+447911123456', ['447911123456']],
  ['en', 'wa: 447911123456', ['447911123456']],
  ['en', '07911 123 456.', ['07911', '123 456']],
  ['en', '07911.123.456', ['07911', '123.456']],
  ['en', '07911 12 34 56', ['07911', '12 34 56']],
  ['en', 'o7911 123456', ['o7911', '123456']],
  ['en', '7911123456 (uk, add a 0)', ['7911123456']],
  ['en', 'my number starts with 0791 and ends with 123456', ['0791', '123456']],
  ['en', '06-1234-5678', ['06-1234-5678']],
  ['fr', '+33612345678', ['33612345678']],
  ['fr', 'mon numéro : 06 12 34 56 78 (appelle après 18h)', ['06 12 34', '56 78']],
  ['fr', 'zéro six 12 34 56 78', ['12 34 56 78']],
  ['es', 'mi número: 612-34-56-78', ['612-34', '56-78']],
  ['es', '+34 612345678', ['612345678']],
  ['es', 'mi cel es 55 12 34 56 78', ['55 12 34', '56 78']],
  ['es', '+57 (300) 123-4567', ['300', '4567']],
  ['es', '+54 9 11 2345-6789', ['2345-6789']],
  ['es', 'Hola a todos, soy Valen, tengo 15 años. Si quieren hablar más, escríbanme al 612 34 56 78', ['612 34', '56 78']],
  ['pt', '(11)98765-4321', ['98765-4321']],
  ['pt', '11 9 8765 4321', ['8765 4321']],
  ['pt', '+55 (11) 9 8765-4321', ['8765-4321']],
  ['pt', '912345678', ['912345678']],
  ['pt', '+351912345678', ['351912345678']],
  ['en', '08-1234-5678', ['1234-5678']],
  ['en', '+66-81-234-5678', ['234-5678']],
  ['es', '+506 8888-7777', ['8888-7777']],
];
const ROUND_TWO_PHONE_WORDS: readonly Row[] = [
  ['en', '07911 one two three four five six', ['one two three', 'four five six']],
  ['en', 'seven nine one one, one two three four five six (drop the zero)', ['seven nine one one', 'four five six']],
  ['en', 'zero seven nine double one, one two three four five six', ['seven nine double one', 'four five six']],
  ['en', '+44 seven nine one one one two three four five six', ['seven nine one one', 'four five six']],
  ['es', 'tres cero cero, uno dos tres, cuatro cinco seis siete', ['tres cero cero', 'cuatro cinco seis siete']],
  ['es', 'ocho ocho ocho ocho siete siete siete siete', ['ocho ocho ocho ocho', 'siete siete siete siete']],
  ['pt', 'onze nove oito sete meia cinco quatro três dois um', ['nove oito sete', 'três dois um']],
  ['pt', 'nove um dois, três quatro cinco, seis sete oito', ['nove um dois', 'seis sete oito']],
];
const ROUND_TWO_EMAILS: readonly Row[] = [
  ['en', 'kenji.t at outlook.com', ['kenji.t']],
  ['en', 'kenji.t@outlook .com', ['kenji.t']],
  ['en', 'kenji.t@outlook . com', ['kenji.t']],
  ['en', 'kenji.t @outlook.com', ['kenji.t']],
  ['en', 'kenji [dot] t [at] outlook [dot] com', ['kenji [dot] t']],
  ['en', 'kenji.t@0utlook.com', ['kenji.t']],
  ['en', 'kenji.t@outlook.c0m', ['kenji.t']],
  ['en', 'mail me at kenjit on gmail', ['kenjit']],
  ['en', 'kenjit(@)gmail.com', ['kenjit']],
  ['en', 'kenjit @ gmail', ['kenjit']],
  ['en', 'kenjit@gmail dot com', ['kenjit']],
  ['fr', 'adresse mail : kenjit chez gmail point com', ['kenjit']],
  ['fr', 'kenjit (arobase) gmail (point) com', ['kenjit']],
  ['es', 'kenjit @ gmail punto com', ['kenjit']],
  ['pt', 'kenjit arroba gmail ponto com ponto br', ['kenjit']],
];
const ROUND_TWO_LINKS: readonly Row[] = [
  ['en', 'HTTPS://KENJIBLOG.NET', ['KENJIBLOG']],
  ['en', 'my site kenjiblog .net', ['kenjiblog']],
  ['en', 'my site kenjiblog,net', ['kenjiblog']],
  ['en', 'kenjiblog•net', ['kenjiblog']],
  ['en', 'kenjiblog DOT net', ['kenjiblog']],
  ['en', 'kenjiblog(.)net/contact', ['kenjiblog']],
  ['en', 'www . kenjiblog . net', ['kenjiblog']],
  ['en', 'w w w . kenjiblog . net', ['kenjiblog']],
  ['en', 'kenjiblog [.] net', ['kenjiblog']],
  ['en', 'ttps://kenjiblog.net', ['kenjiblog']],
  ['en', 'discord.gg / AbCdEf12', ['AbCdEf12']],
  ['en', 't.me/+AbCdEfGh12', ['AbCdEfGh12']],
  ['en', 'instagram.com/lily.draws', ['lily.draws']],
  ['fr', 'mon site : kenjiblog point net', ['kenjiblog']],
  ['es', 'kenjiblog punto net', ['kenjiblog']],
  ['pt', 'kenji-blog.com.br', ['kenji-blog']],
];
const ROUND_TWO_HANDLES: readonly Row[] = [
  ['en', 'Insta - lily.draws', ['lily.draws']],
  ['en', 'insta→lily.draws', ['lily.draws']],
  ['en', 'find me on insta, lily.draws', ['lily.draws']],
  ['en', 'my insta? lily.draws', ['lily.draws']],
  ['en', 'insta is lily.draws', ['lily.draws']],
  ['en', "my snap's noahxo", ['noahxo']],
  ['en', 'snapchat noahxo', ['noahxo']],
  ['en', 'add my snap noahxo', ['noahxo']],
  ['en', 'my snapchat username is noahxo', ['noahxo']],
  ['en', 'hmu on snap @noahxo', ['noahxo']],
  ['en', 'sc noahxo', ['noahxo']],
  ['en', 'snap - noahxo', ['noahxo']],
  ['en', 'dc: noahplays', ['noahplays']],
  ['en', 'add noahplays on discord', ['noahplays']],
  ['en', 'my discord tag is noahplays', ['noahplays']],
  ['en', 'noahplays is my discord', ['noahplays']],
  ['en', 'lily.draws is my insta', ['lily.draws']],
  ['en', "I'm lily.draws everywhere", ['lily.draws']],
  ['en', 'ig/tiktok: lily.draws', ['lily.draws']],
  ['en', 'tik tok: noahdances', ['noahdances']],
  ['en', 'my tiktok @ is noahdances', ['noahdances']],
  ['en', 'YT: NoahPlays', ['NoahPlays']],
  ['en', 'roblox user: NoahBloxx09', ['NoahBloxx09']],
  ['en', 'add me in fortnite: NoahFN_09', ['NoahFN_09']],
  ['en', 'xbox gt: NoahGamer09', ['NoahGamer09']],
  ['en', 'my steam friend code is 123456789', ['123456789']],
  ['en', 'kik me: lilykik10', ['lilykik10']],
  ['en', 'telegram: t.me/kenji_t', ['kenji_t']],
  ['en', 'The plan should protect kids online. btw add me on roblox NoahBloxx09 we can talk there', ['NoahBloxx09']],
  ['en', 'Great meeting today! If anyone wants to continue the discussion my insta is lily.draws 😊', ['lily.draws']],
  ['fr', "ajoute moi sur insta c'est lily.draws", ['lily.draws']],
  ['fr', 'mon snap c noahxo', ['noahxo']],
  ['fr', 'mon snap cé noahxo', ['noahxo']],
  ['fr', 'Bonjour, je m’appelle Inès (15 ans). Mon snap : ines.xo si vous voulez en parler.', ['ines.xo']],
  ['es', 'agrégame: valen.gomez (insta)', ['valen.gomez']],
  ['es', 'me encuentras como valenbaila en tiktok', ['valenbaila']],
  ['es', 'mi user en roblox es MatiBloxx10', ['MatiBloxx10']],
  ['pt', 'me segue lá no insta bia.costa10', ['bia.costa10']],
  ['pt', 'me chama no privado do insta: bia.costa10', ['bia.costa10']],
  ['pt', 'meu @ é bia.costa10', ['bia.costa10']],
  ['pt', 'Oi gente! Quem quiser conversar me chama no zap 11 98765-4321 ou no insta @bia.costa10', ['98765-4321', 'bia.costa10']],
];

// ---------------------------------------------------------------------------------------------------------------
// Third round: written after the second round was fixed, and scored before the engine was changed again (the held-out
// figure in the report).
const ROUND_THREE_CONTACTS: readonly ContactCase[] = [
  ...contacts('phone', false, [
    ['en', 'whatsapp: +44 7911 123456', ['7911', '123456']],
    ['en', 'call me 07911-123-456 ok?', ['07911', '123-456']],
    ['en', '07911 123456 (text only)', ['07911', '123456']],
    ['en', 'reach me (+44 7911 123456)', ['7911', '123456']],
    ['en', 'UK: 07911123456', ['07911123456']],
    ['en', 'ph: 0412 345 678', ['0412', '345 678']],
    ['en', 'my cell # is 415-555-2671', ['415', '2671']],
    ['en', '415 555 2671', ['415', '2671']],
    ['en', 'my digits r 4155552671', ['4155552671']],
    ['fr', 'rappelle moi au 07 98 76 54 32', ['07 98 76', '54 32']],
    ['es', 'mándame un wasap al 612 34 56 78', ['612 34', '56 78']],
    ['pt', 'meu whats é (21) 98765-4321', ['98765-4321']],
    [
      'en',
      'Thank you all for the session on the 2013 milestone! I think hotels should report every year. If someone wants to work on a petition together, text me: 07911 123456 or write to noah.w@icloud.com.',
      ['07911', '123456', 'noah.w'],
    ],
  ]),
  ...contacts('phone', true, [
    ['en', 'my number is 0seven911 123456', ['911 123456']],
    ['en', '4 1 5 5 5 5 2 6 7 1', ['4 1 5 5', '2 6 7 1']],
    ['fr', 'o6 12 34 56 78', ['o6 12 34', '56 78']],
    ['fr', '06 12 34 56 7 8', ['06 12 34', '56 7 8']],
  ]),
  ...contacts('phone-words', true, [
    ['en', 'four one five, five five five, two six seven one', ['four one five', 'two six seven one']],
    ['es', 'mi número es el seis uno dos tres cuatro cinco seis siete ocho', ['seis uno dos', 'seis siete ocho']],
    ['pt', 'me chama no zap: nove oito sete seis cinco quatro três dois um', ['nove oito sete', 'três dois um']],
  ]),
  ...contacts('email', true, [
    ['en', 'noah.w at icloud dot com', ['noah.w']],
    ['en', 'noahw(at)icloud.com', ['noahw']],
    ['en', 'noah.w@icloud。com', ['noah.w']],
    ['en', 'noah.w@icloud', ['noah.w']],
    ['en', 'noah.w@ icloud.com', ['noah.w']],
    ['en', 'noah.w atsign icloud.com', ['noah.w']],
    ['en', 'noah.w (a) icloud (.) com', ['noah.w']],
    ['en', 'noah dot w at icloud dot com', ['noah dot w']],
    ['en', 'email noahw2009, domain icloud.com', ['noahw2009']],
    ['en', 'my gmail: noahw2009', ['noahw2009']],
    ['en', 'noahw2009 (gmail)', ['noahw2009']],
    ['fr', 'noahw arobase icloud.com', ['noahw']],
    ['es', 'noahw arroba icloud.com', ['noahw']],
    ['pt', 'noahw arroba icloud.com', ['noahw']],
    ['en', 'noahw@iclοud.com', ['noahw']],
  ]),
  ...contacts('link', true, [
    ['en', 'noahw.carrd.co', ['noahw']],
    ['en', 'noahw . carrd . co', ['noahw']],
    ['en', 'https://noahw.neocities.org', ['noahw']],
    ['en', 'noahw[dot]neocities[dot]org', ['noahw']],
    ['en', 'noahw dot neocities dot org', ['noahw']],
    ['en', 'myspace.com/noahw', ['noahw']],
    ['en', 'noahw.github.io', ['noahw']],
    ['en', 'youtu.be/abc123XYZ', ['abc123XYZ']],
    ['en', 'discord.com/invite/AbC123', ['AbC123']],
    ['en', 'bit . ly / abc123XYZ', ['abc123XYZ']],
    ['en', 'wa.me/+447911123456', ['447911123456']],
  ]),
  ...contacts('handle', false, [
    ['en', 'snap: noah.w', ['noah.w']],
    ['en', 'add me: noahw_ (snap)', ['noahw_']],
    ['en', 'my username everywhere is noahw_', ['noahw_']],
    ['en', 'Noah on snap: noahw_', ['noahw_']],
    ['en', 'snap → noahw_', ['noahw_']],
    ['en', 'snap=noahw_', ['noahw_']],
    ['en', 'sc - noahw_', ['noahw_']],
    ['en', 'insta 👉 lily.draws', ['lily.draws']],
    ['en', 'ig @lily.draws', ['lily.draws']],
    ['en', 'IG: @lily.draws', ['lily.draws']],
    ['en', 'find me on ig lily.draws', ['lily.draws']],
    ['en', 'my ig handle is lily.draws', ['lily.draws']],
    ['en', 'lily.draws on the gram', ['lily.draws']],
    ['en', 'my TT is noahdances', ['noahdances']],
    ['en', 'tiktok is noahdances', ['noahdances']],
    ['en', 'add me on the discord server noahplays#0001', ['noahplays#0001']],
    ['en', 'dm me on discord (noahplays)', ['noahplays']],
    ['en', 'my roblox username is NoahBloxx09', ['NoahBloxx09']],
    ['en', 'my mc username: noahcraft', ['noahcraft']],
    ['en', 'add NoahFN on epic', ['NoahFN']],
    ['en', 'my epic is NoahFN', ['NoahFN']],
    ['en', 'psn noah_gamer09', ['noah_gamer09']],
    ['en', 'my gamertag? NoahGamer09', ['NoahGamer09']],
    ['fr', 'mon snap : noah.w', ['noah.w']],
    ['fr', 'ajoute moi snap noahw_', ['noahw_']],
    ['fr', 'rajoute-moi : noahw_ sur snap', ['noahw_']],
    ['fr', "c'est noahw_ sur insta", ['noahw_']],
    ['es', 'mi snap es noahw_', ['noahw_']],
    ['es', 'sígueme: @noahw_', ['noahw_']],
    ['es', 'mi @ es noahw_', ['noahw_']],
    ['es', 'búscame como noahw_', ['noahw_']],
    ['pt', 'meu insta: @noahw_', ['noahw_']],
    ['pt', 'me segue @noahw_', ['noahw_']],
    ['pt', 'segue eu lá: noahw_', ['noahw_']],
  ]),
];

export const CONTACT_CASES: readonly ContactCase[] = [
  ...contacts('phone', false, PHONES_PLAIN),
  ...contacts('phone', true, PHONES_DISGUISED),
  ...contacts('phone-words', true, PHONE_WORDS),
  ...contacts('email', false, EMAILS_PLAIN),
  ...contacts('email', true, EMAILS_DISGUISED),
  ...contacts('link', false, LINKS_PLAIN),
  ...contacts('link', true, LINKS_DISGUISED),
  ...contacts('handle', false, HANDLES_PLAIN),
  ...contacts('handle', true, HANDLES_DISGUISED),
  ...contacts('mixed', false, MIXED),
  ...contacts('phone', false, ROUND_TWO_PHONES),
  ...contacts('phone-words', true, ROUND_TWO_PHONE_WORDS),
  ...contacts('email', true, ROUND_TWO_EMAILS),
  ...contacts('link', true, ROUND_TWO_LINKS),
  ...contacts('handle', false, ROUND_TWO_HANDLES),
  ...ROUND_THREE_CONTACTS,
];

// ---------------------------------------------------------------------------------------------------------------
// Ordinary texts: every one must come out byte for byte.
const ROUND_ONE_ORDINARY: readonly OrdinaryCase[] = [
  ...ordinary('years', [
    ['en', 'The plan runs 2009-2013 and the deadline is 2013-12-31.'],
    ['en', 'Targets for 2010, 2011 and 2012 were not met.'],
    ['en', '2010 2011 2012 were the pilot years.'],
    ['en', 'Between 1996 and 2001 the World Congress met twice.'],
    ['en', 'The first plan (2009–2013) focused on prevention.'],
    ['en', 'Reporting years: 2010/2011, 2011/2012, 2012/2013.'],
    ['en', 'Cycles 2010-11, 2011-12 and 2012-13.'],
    ['en', 'Congresses: 1996 Stockholm, 2001 Yokohama, 2008 Rio de Janeiro.'],
    ['en', 'Years 1999 2000 2001 2002 2003 were covered.'],
    ['en', 'NPA 2009-2013 → NPA 2014-2018 → NPA 2019-2023'],
    ['en', 'since 1996; reviewed in 2001, 2008 and 2013'],
    ['en', 'Periods 2010-Q3, 2010-Q4 and 2011-H1.'],
    ['en', 'The 2030 Agenda and SDG 16.2'],
    ['en', 'the 2013/2014 school year'],
    ['es', 'Del 2010 al 2015 hubo avances.'],
    ['es', 'Los planes 2006-2009, 2009-2013 y 2014-2018.'],
    ['fr', 'De 2009 à 2013, le plan a été mis en œuvre.'],
    ['fr', 'Les plans 2003-2006 / 2007-2010 / 2011-2014.'],
    ['fr', "l'année 2013-2014"],
    ['pt', 'Entre 2010 e 2015 o plano avançou.'],
    ['pt', 'Os anos de 2013, 2014, 2015, 2016 e 2017.'],
    ['pt', 'Planos 2010-2014-2018 em revisão.'],
  ]),
  ...ordinary('amounts', [
    ['en', '2100000 tourists visited the country in 2012.'],
    ['en', '2100000 tourists visited the country in 2012.', { country: 'TH' }],
    ['en', 'The budget is $1,000,000 (about € 950.000).'],
    ['en', 'Over 1 000 000 travellers received information.'],
    ['en', 'USD 2,500,000.50 was allocated.'],
    ['en', '12 500 000 people live in the region.'],
    ['en', '120000 visitors came to the fair.'],
    ['en', 'More than 1,234,567 signatures were collected.'],
    ['en', '3000000 children are at risk, says the report.'],
    ['en', 'Population: 16,500,000 (2010 census).'],
    ['en', 'About 300 members in 140 countries.'],
    ['en', 'a fine of £10,000,000 was imposed'],
    ['en', 'The fund grew from 2.5 to 3.75 million dollars.'],
    ['en', '1.5 million, 2.3 million and 4.1 million'],
    ['en', '20,000,000 USD over 2010-2015'],
    ['en', 'total 9 876 543 €'],
    ['es', '950.000 € para capacitación en 2014.'],
    ['es', '4.500.000 turistas al año.'],
    ['es', 'El presupuesto fue de 612 345 678 pesos.'],
    ['es', 'Cerca de 100.000 niñas y niños.'],
    ['es', 'from 2,5 to 3,5 millones de dólares'],
    ['fr', '1 000 000 de voyageurs'],
    ['fr', 'Le budget total est de 245 000 000 euros.'],
    ['fr', 'Ils ont formé 80 000 agents et 1 200 hôtels.'],
    ['fr', 'Entre 20 000 et 30 000 enfants sont concernés.'],
    ['pt', 'R$ 1.500.000,00 foram investidos em 2016.'],
    ['pt', '€ 2.345.678 para o programa.'],
    ['pt', 'Mais de 500 mil crianças e 2.000.000 de turistas.'],
  ]),
  ...ordinary('legal', [
    ['en', 'Law 1336 of 2009 made the code mandatory.'],
    ['en', 'art. 3.1.b of the Optional Protocol'],
    ['en', 'Article 34 of the CRC and article 10(3).'],
    ['en', 'ISO 3166-1 alpha-2 codes'],
    ['en', 'ISBN 978-92-806-4455-6'],
    ['en', 'UN Resolution 64/142 and A/RES/44/25.'],
    ['en', 'Directive 2011/93/EU of 13 December 2011'],
    ['en', 'Regulation (EU) 2016/679 (GDPR)'],
    ['en', 'Council Decision 2000/375/JHA'],
    ['en', 'ILO Convention No. 182 (1999)'],
    ['en', 'CRC/C/OPSC/NLD/CO/1 paragraph 12'],
    ['en', 'Agenda for Action 2.i.b asks for this.'],
    ['en', 'SDG targets 5.2, 8.7 and 16.2'],
    ['en', 'Case C-123/45, judgment of 12 May 2010'],
    ['en', 'Report A/HRC/31/58 of 2016'],
    ['en', 'Schedule 1, Part 2, paragraph 3(1)(b)'],
    ['en', 'ECPAT International, 2014, p. 45-47'],
    ['en', 'pp. 112-118'],
    ['en', 'Version 2.0.1 of the guidelines'],
    ['en', 'section 3.1.4.2 of the plan'],
    ['es', 'Ley 1098 de 2006 (Código de la Infancia).'],
    ['es', 'Decreto 1524 de 2002 reglamenta el artículo 5.'],
    ['es', 'Sección 4.3.2.1 del informe'],
    ['es', 'Código Penal, arts. 186 a 188'],
    ['pt', 'Lei nº 8.069/1990 (ECA), art. 244-A.'],
    ['pt', 'Lei 13.431/2017 e Decreto 9.603/2018.'],
    ['fr', 'Loi n° 2010-121 du 8 février 2010.'],
    ['fr', "l'article 227-23 du Code pénal"],
    ['fr', 'articles 225-12-1 à 225-12-4 du Code pénal'],
  ]),
  ...ordinary('codes', [
    ['pt', 'CEP 01310-100, São Paulo'],
    ['en', 'Postcode SW1A 1AA, London'],
    ['es', 'CP 28001 Madrid'],
    ['fr', '75007 Paris'],
    ['en', 'COVID-19 and H1N1'],
    ['en', 'G20, G8 and the EU-27'],
    ['en', '#EndChildExploitation #NPA2013'],
    ['en', 'issue #1234 in the tracker'],
    ['en', 'Room 101, building 4, floor 3'],
    ['en', 'Coordinates 52.3676, 4.9041'],
    ['en', 'A+B=C, 2+2=4'],
    ['en', '+5 points, +12%'],
    ['en', '-20 °C in winter'],
    ['es', '1° de mayo, 2° piso'],
    ['en', 'ratio 3:1'],
    ['en', 'HIV/AIDS and/or other'],
    ['en', '24/7 support and 365 days a year'],
    ['en', 'Score: 3-1, 2-0, 1-1'],
  ]),
  ...ordinary('dates-times', [
    ['en', 'We met on 31/12/2013 and again on 15.01.2014.'],
    ['en', 'Deadline: 2013-12-31.'],
    ['en', 'On 12/31/2013 the report was due.'],
    ['en', 'Meeting 31-12-2013 at 14:30.'],
    ['en', 'from 01/01/2010 to 31/12/2013'],
    ['en', 'period 01/01/2010-31/12/2013'],
    ['en', '2013-12-31T10:00'],
    ['en', 'Monday 14.03.2016, 09:30-11:00'],
    ['en', 'from 9:00 to 17:00, break 12:30-13:30'],
    ['en', 'the 2nd of May 2014, 9.30am'],
    ['en', 'on 1.1.2014 and 31.12.2014'],
    ['en', 'dates: 01/02/2013, 15/03/2013, 30/06/2013'],
    ['en', '2013-01-01 / 2013-06-30 / 2013-12-31'],
    ['en', '03/2013 to 12/2013'],
    ['en', 'Q3 2010 and Q1 2011'],
    ['en', '2010-07-01 00:00 UTC'],
    ['en', '14/03/2016 09:30 - 11:00'],
    ['en', 'the CRC was adopted on 20/11/1989'],
    ['fr', 'le 12/03/2013 à 14h30'],
    ['fr', 'sessions de 10h-12h et 14h-16h'],
    ['fr', 'le 1er janvier 2014'],
    ['es', 'el 15/01/2014 a las 10:00'],
    ['es', '12 de marzo de 2013'],
    ['pt', 'em 15/01/2014 às 10h'],
    ['pt', 'de 01.03.2015 a 30.06.2015'],
  ]),
  ...ordinary('percent', [
    ['en', 'Training reached 45% of staff, up from 12.5%.'],
    ['en', '0.5 per cent of GDP'],
    ['en', '45%-60% of hotels'],
    ['fr', 'de 12,5 % à 30 %'],
    ['es', 'un aumento del 15 %'],
    ['pt', 'cresceu 3,5% em 2013'],
  ]),
  ...ordinary('helplines', [
    ['en', 'Call Childline on 0800 1111.'],
    ['en', '116 111 is the child helpline number in Europe.'],
    ['en', 'Missing children: call 116 000.'],
    ['en', 'Dial 911 in an emergency, or 112 in Europe.'],
    ['en', 'Kindertelefoon: 0800-0432.', { country: 'NL' }],
    ['en', 'Childhelp: 1-800-422-4453.'],
    ['en', 'Kids Help Phone 1-800-668-6868.'],
    ['en', 'Report to the CyberTipline, 1-800-843-5678.'],
    ['en', 'NSPCC helpline 0808 800 5000.', { country: 'GB' }],
    ['en', 'Thailand: call 1300 (Prachabodi Center).'],
    ['en', 'call 119 in Japan, 1098 in India'],
    ['en', 'Police: 100. Ambulance: 108.'],
    ['fr', 'Appelez le 119 (Allô Enfance en Danger).'],
    ['es', 'En España llama al 116 111 o al 900 20 20 10 (Fundación ANAR).', { country: 'ES' }],
    ['es', 'En Colombia, línea 141 del ICBF.'],
    ['es', 'Costa Rica: PANI 1147 o 911.'],
    ['pt', 'Disque 100 para denunciar.'],
    ['pt', 'Ligue 116 111 (SOS Criança).'],
    ['pt', 'Ligue 190 (polícia) ou 100.'],
  ]),
  ...ordinary('abbreviations', [
    ['en', 'e.g. the youth panel, i.e. us.'],
    ['en', 'etc., etc.'],
    ['en', 'vs. last year'],
    ['en', 'at 5 p.m. or 9 a.m.'],
    ['en', 'the U.S. and the U.K.'],
    ['en', 'Ph.D. students'],
    ['en', 'Mr. Smith and Dr.Jones'],
    ['en', 'St. Louis and St.Paul'],
    ['en', 'No. 5 and no.6'],
    ['en', 'approx. 300'],
    ['en', 'cf. art. 3'],
    ['en', 'fig. 2 on p. 45'],
    ['en', 'et al. (2013)'],
    ['en', 'op. cit., ibid.'],
    ['en', 'the U.N. C.R.C. committee'],
    ['en', 'a.k.a. the Code'],
    ['en', 'ASAP / FYI / BTW'],
    ['en', 'Dots... and more dots...'],
    ['en', 'We finished the training.At the end we voted.'],
    ['en', 'The report was late.It said nothing new.'],
    ['en', 'Good work.Me too!'],
    ['en', 'the meeting ended.so we went home'],
    ['en', 'i was there.it was great'],
    ['en', 'see annex.pdf and report_2013.docx'],
    ['en', 'file NPA_final_v2.xlsx'],
    ['en', 'Node.js and Vue.js are used by the team'],
    ['en', 'http is a protocol'],
    ['en', 'connect the dots, the polka dot dress'],
    ['en', 'the point is that the plan failed'],
    ['es', 'Sr. Pérez y Sra. López'],
    ['es', 'EE.UU. y la U.E.'],
    ['es', 'p.ej. el informe'],
    ['es', 'fin del taller.Es importante seguir.'],
    ['es', 'el punto es que nadie lo sabía'],
    ['es', 'desde mi punto de vista, en este punto'],
    ['es', 'usa el símbolo arroba (@) en los correos'],
    ['fr', 'c.-à-d. le comité'],
    ['fr', 'M. Dupont et Mme Durand'],
    ['fr', 'la réunion.Il faut continuer.'],
    ['fr', 'le point 3 du plan, à ce point-là'],
    ['pt', 'n.º 5 da lista'],
    ['pt', 'fim da reunião.No próximo ano vamos voltar.'],
    ['pt', 'o ponto é que ninguém sabia, do meu ponto de vista'],
  ]),
  ...ordinary('platform-words', [
    ['en', 'my signal is weak here, sorry for the late reply'],
    ['en', 'line 5 of the report is wrong'],
    ['en', 'it was a snap decision'],
    ['en', 'Instagram is where most of us see these ads.'],
    ['en', 'TikTok should report abuse faster.'],
    ['en', 'Discord servers need better moderation.'],
    ['en', 'We talked about Roblox safety settings.'],
    ['en', 'X (formerly Twitter) removed the post.'],
    ['en', 'the line between help and harm'],
    ['en', 'Steam and Xbox have parental controls.'],
    ['en', 'Epic Games was fined in 2022.'],
    ['en', 'Facebook groups sold tickets to minors.'],
    ['en', 'in the threads of this discussion'],
    ['en', 'WhatsApp groups at school spread the video.'],
    ['en', "Snapchat's map shows where kids are."],
    ['en', 'my insta is private'],
    ['en', 'my snap decision was wrong'],
    ['en', 'my line manager is Jo'],
    ['en', 'the X factor'],
    ['en', 'multiply by x 2'],
    ['en', 'follow me on this point: the budget is low'],
    ['en', 'Call me Maria, I am 16.'],
    ['en', 'Text me when the report is out.'],
    ['en', 'a game of Fortnite with my brother'],
    ['en', 'Minecraft Education is used in schools'],
    ['en', 'the Steam summer sale'],
    ['en', 'my signal was lost on line 3'],
    ['en', 'Signal the issue to the coordinator.'],
    ['en', 'the Kik app was shut down'],
    ['en', 'LINE is popular in Thailand'],
    ['en', 'he uses WeChat and Line'],
    ['en', 'PlayStation and Xbox chats are risky'],
    ['en', 'my discord server got raided'],
    ['en', 'my Instagram feed is full of ads'],
    ['en', 'We read the Reddit thread about it.'],
    ['en', 'telegram channels spread abuse material'],
    ['en', 'snap me out of it'],
    ['en', 'find me on the youth panel page'],
    ['en', 'I am on snap too much'],
    ['en', 'we are on instagram every day'],
    ['en', 'add me on the list please'],
    ['en', 'I read it at Yahoo News'],
    ['en', 'Instagram had 2 billion users in 2022'],
    ['en', 'Roblox has 70 million daily users'],
    ['en', 'Zap! The budget was gone.'],
    ['es', 'mi señal es débil'],
    ['es', 'la línea 5 del informe'],
    ['es', 'Instagram y TikTok deben actuar.'],
    ['es', 'mi insta es privado'],
    ['es', 'sígueme en este punto'],
    ['es', 'El ig de la escuela publica fotos'],
    ['fr', 'la ligne 5 du rapport'],
    ['fr', 'mon signal est faible'],
    ['fr', 'Instagram et TikTok doivent protéger les enfants.'],
    ['fr', 'mon insta est privé'],
    ['fr', 'mon snap est nul'],
    ['pt', 'a linha 5 do relatório'],
    ['pt', 'meu sinal está fraco'],
    ['pt', 'O Instagram e o TikTok precisam agir.'],
    ['pt', 'meu insta é privado'],
    ['pt', 'meu zap está cheio'],
  ]),
  ...ordinary('number-words', [
    ['en', 'one, two, three, four: the criteria are simple'],
    ['en', 'Chapter seven of the plan'],
    ['en', 'the six criteria of the Code'],
    ['en', 'one hundred and twenty-five thousand children'],
    ['en', 'between ten and twelve years old'],
    ['en', 'three or four times, five at most'],
    ['en', 'seven, eight and nine year olds'],
    ['en', 'nine out of ten'],
    ['fr', 'il y a deux ou trois problèmes'],
    ['fr', 'deux mille neuf, deux mille treize'],
    ['fr', 'un, deux, trois, soleil'],
    ['es', 'uno, dos o tres talleres'],
    ['es', 'dos mil diez'],
    ['pt', 'cinco, seis e sete anos'],
  ]),
  ...ordinary('prose', [
    [
      'en',
      'Hotels in Colombia have been inspected since 2009 under Law 1336; by 2013, 2,100 hotels had signed the code and 80 officers were trained.',
    ],
    ['en', 'Thailand: 80 officers trained since April 2018; training is a licence prerequisite.'],
    ['en', 'Yokohama 2001: 34 countries with national plans, 26 developing one.'],
    ['en', '🎉🎉🎉 great work everyone!!! 💪'],
    ['en', 'the 1st, 2nd and 3rd reports'],
    ['en', 'Rate: 1 in 5 children'],
    ['en', 'I am 16 and my sister is 14.'],
    ['en', 'We are 12 members; 4 are under 18.'],
    ['en', 'meet @ 5pm at the library'],
    [
      'en',
      'The Netherlands NPA 2009-2013 set 34 targets. By 31/12/2013, 21 were met, 9 were late and 4 were dropped. The budget of € 2.500.000 was spent at 87%. Article 34 of the CRC and Directive 2011/93/EU were the basis; the helpline (116 111) answered 1,234 calls.',
    ],
    [
      'fr',
      "Le plan 2010-2014 prévoyait 12 500 000 € sur quatre ans. En 2012, 45 % des hôtels avaient signé le code ; l'article 227-23 du Code pénal a été appliqué dans 3 affaires. Appelez le 119 si un enfant est en danger.",
    ],
    [
      'es',
      'Según la Ley 1336 de 2009 y el Decreto 1524 de 2002, 2.100 hoteles firmaron el código entre 2010 y 2013. La línea 141 del ICBF recibió 3.456 llamadas el 15/03/2013. Mi señal es débil, perdón por la demora.',
    ],
    [
      'pt',
      'O Brasil investiu R$ 1.500.000,00 em 2016; a Lei nº 8.069/1990 e a Lei 13.431/2017 orientam o plano. O Disque 100 recebeu 15.000 denúncias entre 01/01/2016 e 31/12/2016. Meu insta é privado, mas o da escola é público.',
    ],
    [
      'en',
      'In the youth session on 14.03.2016 (09:30-11:00) we discussed Instagram, TikTok and Roblox: 3 out of 4 of us had been contacted by strangers. We propose that platforms report to the coordinator every 6 months, as the Code asks (criterion 6: report annually).',
    ],
  ]),
];

// Second round of ordinary comments (see ROUND_TWO_PHONES).
const ROUND_TWO_ORDINARY: readonly OrdinaryCase[] = [
  ...ordinary('prose', [
    ['en', "I'm 15 and I think this milestone is too late. We need action before 2025!"],
    ['en', 'Our school had a workshop on 12 March; 45 students came.'],
    ['en', 'The ministry said 1.2 million euros would go to shelters.'],
    ['en', "Call 116 111 if you need help, it's free."],
    ['en', 'In Brazil, Disque 100 got 15,000 reports in 2016.'],
    ['en', 'the hotline number is on the poster (116 111)'],
    ['en', 'We voted 12 to 3 for the proposal.'],
    ['en', "It's 2024 and still no progress on target 3.2."],
    ['en', 'see milestone M-2013-04'],
    ['en', "ECPAT's report 'Offenders on the move' (2016)"],
    ['en', 'Instagram, Snapchat and TikTok were mentioned 24 times.'],
    ['en', 'The youth panel met at 10.30 in room 2.14.'],
    ['en', 'over 9000 people signed'],
    ['en', '1 in 3 victims is a boy'],
    ['en', 'the 2 000 hotels and 30 000 taxis'],
    ['en', 'from 20 to 25 May 2024'],
    ['en', 'Tel Aviv and Lisbon hosted meetings'],
    ['en', '👉 116 111 👈'],
    ['en', '10/10 would recommend, 100% agree!!!'],
    ['fr', '24h/24 7j/7'],
    ['en', '#1 priority, 5 out of 5 stars'],
    ['en', 'a snapshot of 2013 data'],
    ['en', 'Instagrammers and TikTokers'],
  ]),
  ...ordinary('platform-words', [
    ['en', 'our group chat is on WhatsApp but adults are not in it'],
    ['en', 'I reported it on Instagram and nothing happened'],
    ['en', 'snapchat streaks are how they get kids'],
    ['en', 'my insta got hacked last year'],
    ['es', 'mi insta está en privado'],
    ['fr', 'mon insta est en privé'],
    ['pt', 'meu insta é fechado'],
    ['en', 'the X account of the ministry posted it'],
    ['en', 'we use Signal in our NGO'],
    ['en', 'My line of thought is this: act now.'],
    ['en', 'epic fail by the ministry'],
    ['en', "the minister's Twitter post"],
    ['en', 'my discord is full of spam bots'],
    ['en', 'my snap is broken'],
    ['en', 'my tiktok is not for this'],
    ['es', 'mi tiktok es para bailar'],
    ['pt', 'meu tiktok é só de dança'],
    ['fr', "mon tiktok c'est que de la danse"],
    ['en', 'my insta is mostly art'],
    ['en', 'my snap is always on'],
    ['en', 'my email is in my profile'],
    ['es', 'mi correo es el de la escuela'],
    ['en', 'add me to the WhatsApp group of the panel'],
    ['en', 'follow us on Instagram for updates'],
    ['en', 'follow ECPAT on Instagram for updates'],
    ['en', "I'm new on Discord"],
    ['en', 'I am active on TikTok'],
    ['fr', 'Je suis souvent sur Insta'],
    ['es', 'soy nueva en TikTok'],
    ['pt', 'sou ativa no Instagram'],
  ]),
  ...ordinary('legal', [
    ['en', 'Page 34, paragraph 2 says the opposite.'],
    ['en', 'The report (ref. 2013/045/NPA) was late.'],
    ['en', 'CRC/C/15/Add.185 and A/HRC/RES/31/7'],
    ['en', 'paragraphs 12-15 and 21-23'],
    ['es', 'la Ley Orgánica 8/2021 y el Real Decreto 1110/2015'],
    ['fr', 'Décret n° 2013-1280 du 29 décembre 2013'],
    ['es', 'BOE-A-2015-8222'],
    ['pt', 'CNPJ 12.345.678/0001-90'],
    ['pt', 'CPF 123.456.789-09'],
    ['en', 'ISSN 1234-5678'],
    ['en', 'DOI 10.1016/j.chiabu.2013.05.004'],
    ['en', 'order no. 1234567'],
  ]),
  ...ordinary('amounts', [
    ['en', 'between 10 000 and 20 000 children'],
    ['en', 'ratio 1:1000'],
    ['fr', "2,5 millions d'euros"],
    ['en', '1,000-1,500 participants'],
    ['en', '+5% in 2013, +7% in 2014'],
    ['en', 'scores of 7/10 and 8/10; 1/3 of hotels, 2/3 of taxis'],
  ]),
  ...ordinary('dates-times', [
    ['en', 'at 18:00 CET on 01.02.2024'],
    ['en', 'the 1990s and 2000s'],
    ['en', 'In 1999-2000, 2000-2001 and 2001-2002'],
    ['en', 'Q1-Q4 2013'],
    ['en', '09:00–17:00 Mon–Fri'],
    ['en', 'the 3rd, 4th and 5th of May 2014'],
    ['en', '12.03.2014 - 14.03.2014'],
    ['en', 'between 8 and 12 p.m.'],
    ['en', '2024-05-12 14:00:00'],
    ['en', 'v2.3.14'],
    ['en', 'Coordinates 4.7110° N, 74.0721° W'],
  ]),
  ...ordinary('helplines', [
    ['en', 'Nummer gegen Kummer: 0800 111 0 333'],
    ['en', 'Tel. 0800 1111 (Childline)'],
  ]),
];

// Third round of ordinary comments (see ROUND_THREE_CONTACTS).
const ROUND_THREE_ORDINARY: readonly OrdinaryCase[] = [
  ...ordinary('prose', [
    ['en', 'At 14:00 we met the ministry; at 15:30 the police.'],
    ['en', 'We need 3 things: money, staff, time.'],
    ['en', 'Snap elections were called in 2012.'],
    ['en', 'The line ministry for tourism is responsible.'],
    ['en', 'Line ministries, signal-to-noise, X-ray'],
    ['en', 'My line ministry contact is the focal point.'],
    ['en', "Our NGO's website has the full report."],
    ['en', 'email the coordinator through the contact form'],
    ['en', 'Call the police (911) or the helpline (116 111).'],
    ['en', 'Check the annex at the end of the report.'],
    ['en', "Read more at the ministry's page."],
    ['en', 'The @ symbol is used in e-mails'],
    ['en', 'The hashtag #NPA2030 trended'],
    ['en', 'We are at 45% of the target; at 60% by 2015.'],
    ['en', 'my mobile got stolen so I use my sister’s'],
    ['en', 'call me crazy but I think 2013 was the best year'],
    ['en', 'text me 2 know more'],
    ['en', 'I have 12345678 followers lol'],
    ['en', 'we got 2100000 views'],
    ['en', 'ID card number 1234567'],
    ['en', 'the youth.panel group'],
    ['en', 'i.e. e.g. etc. viz. cf. N.B. P.S.'],
    ['en', 'Mr.Bean and Ms.Marvel'],
    ['en', 'ok.so what now'],
    ['en', 'thanks.me and my friends will come'],
    ['en', 'See you at 5.Bring the report'],
    ['en', 'The Snapchat Family Center guide'],
    ['en', "Discord's Family Center"],
    ['en', 'my X feed is full of fake news'],
    ['en', 'my Line app crashed'],
    ['en', 'my Signal group is for family'],
    ['fr', 'mon Insta perso est privé'],
    ['es', 'mi Face es solo para familia'],
    ['pt', 'meu Face é só para família'],
    ['pt', 'meu zap tá cheio'],
    ['en', 'I was on Omegle once and it was bad'],
    ['pt', 'meu número da sorte é 7'],
    ['fr', 'mon numéro préféré est le 7'],
    ['es', 'el número de víctimas fue 1.234'],
    ['en', 'the number of victims was 1,234,567'],
    ['en', 'my number of followers is 12345678'],
    [
      'fr',
      "Lors de l'atelier du 12/03/2014, 35 jeunes ont voté : 28 pour, 5 contre, 2 abstentions. Le plan 2014-2018 prévoit 4 000 000 € ; l'article 225-12-1 doit être appliqué. Appelez le 119 en cas de danger.",
    ],
    [
      'es',
      'En el taller del 15/03/2014 participaron 42 jóvenes de 12 a 17 años. El plan 2014-2018 tiene 3.500.000 USD; la Ley 1098 de 2006 y la línea 141 son clave. Mi señal es débil, escribo desde el bus 105.',
    ],
    [
      'pt',
      'No encontro de 20/05/2015 (14h às 17h), 60 jovens discutiram a Lei 13.431/2017. O orçamento de R$ 2.500.000,00 cobre 2016-2019. Disque 100 ou ligue 190.',
    ],
  ]),
  ...ordinary('legal', [
    ['en', 'numbers 1, 2, 3, 4, 5, 6, 7 and 8 of the plan'],
    ['en', 'articles 1 2 3 4 5 6 7 8'],
    ['en', 'Rooms 101, 102 and 103'],
    ['en', 'SDG 16.2.1, 16.2.2 and 16.2.3'],
    ['en', 'Phase 2 (2014-2016) and phase 3 (2017-2019).'],
    ['en', 'Budget line 4.2.1: 250,000 €.'],
    ['en', 'The 2nd edition (2014) pp. 23-45, 67-89'],
    ['en', 'UN doc. E/CN.4/1996/100'],
    ['en', 'Nos. 12 and 13'],
  ]),
  ...ordinary('amounts', [
    ['en', '1 in 4 hotels trained; 3/4 of staff aware.'],
    ['en', 'score 9/10, 8/10, 7/10'],
    ['en', 'in 2019: 12,345 reports; in 2020: 23,456'],
    ['fr', '4 000 000 de touristes en 2013'],
    ['pt', 'R$ 2 milhões'],
  ]),
  ...ordinary('dates-times', [['en', 'from 1.1.2010 to 31.12.2013 (4 years)']]),
  ...ordinary('helplines', [
    ['en', 'the 1098 line in Colombia and 141 of ICBF'],
    ['en', 'Childline India 1098, Childline UK 0800 1111'],
    ['pt', 'Telefone 100 (Disque Direitos Humanos)'],
  ]),
];

export const ORDINARY_CASES: readonly OrdinaryCase[] = [...ROUND_ONE_ORDINARY, ...ROUND_TWO_ORDINARY, ...ROUND_THREE_ORDINARY];

export const REDACTION_CASES: readonly RedactionCase[] = [...CONTACT_CASES, ...ORDINARY_CASES];

export interface Miss {
  readonly case: ContactCase;
  readonly output: string;
  /** The must-go substrings still in the output, whole or in a long piece. */
  readonly left: readonly string[];
}

export interface FalsePositive {
  readonly case: OrdinaryCase;
  readonly output: string;
}

export interface Score {
  readonly contacts: number;
  readonly ordinary: number;
  /** Contact cases whose every must-go substring is gone. */
  readonly caught: number;
  readonly recall: number;
  /** Ordinary texts changed in any way. */
  readonly altered: number;
  readonly falsePositiveRate: number;
  readonly misses: readonly Miss[];
  readonly falsePositives: readonly FalsePositive[];
}

/**
 * Whether a must-go substring is still readable in the output: whole, or a long piece of it (cutting "lily.draws" to
 * "ily.draws" removes nothing).
 */
export function leaks(mustGo: string, output: string): boolean {
  if (output.includes(mustGo)) return true;
  const chars = [...mustGo];
  if (chars.length < 7) return false;
  const size = Math.max(5, Math.ceil(chars.length * 0.7));
  for (let k = 0; k + size <= chars.length; k += 1) if (output.includes(chars.slice(k, k + size).join(''))) return true;
  return false;
}

/** The held-out table's path, from test/support/ as from its compiled copy under dist/. */
function heldOutTable(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const path = join(dir, 'test', 'support', 'redaction-held-out.json');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) throw new Error('test/support/redaction-held-out.json is missing');
  }
}

/**
 * A second table, written apart from the redactor and from the table above, by someone who read neither: 278 contact
 * details and 208 ordinary texts in EN/FR/ES/PT (redaction-held-out.json). Its figures say how the redactor does on
 * text it was not tuned to; it is scored like the first table and held to the same thresholds.
 */
export const HELD_OUT_CASES: readonly RedactionCase[] = (
  JSON.parse(readFileSync(heldOutTable(), 'utf8')) as { text: string; mustGo: string[]; lang: Lang; cls: string }[]
).map((c) =>
  c.mustGo.length > 0
    ? { kind: 'contact', cls: c.cls as ContactClass, lang: c.lang, disguised: false, text: c.text, mustGo: c.mustGo }
    : { kind: 'ordinary', cls: c.cls as OrdinaryClass, lang: c.lang, text: c.text },
);

export type Redactor = (text: string, options?: { country?: string }) => { readonly text: string };

/** Runs the whole table through a redactor. */
export function scoreRedaction(redact: Redactor, cases: readonly RedactionCase[] = REDACTION_CASES): Score {
  const misses: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  let contacts = 0;
  let ordinaryCount = 0;
  for (const c of cases) {
    const output = redact(c.text, c.country === undefined ? undefined : { country: c.country }).text;
    if (c.kind === 'contact') {
      contacts += 1;
      const left = c.mustGo.filter((s) => leaks(s, output));
      if (left.length > 0) misses.push({ case: c, output, left });
    } else {
      ordinaryCount += 1;
      if (output !== c.text) falsePositives.push({ case: c, output });
    }
  }
  const caught = contacts - misses.length;
  return {
    contacts,
    ordinary: ordinaryCount,
    caught,
    recall: contacts === 0 ? 1 : caught / contacts,
    altered: falsePositives.length,
    falsePositiveRate: ordinaryCount === 0 ? 0 : falsePositives.length / ordinaryCount,
    misses,
    falsePositives,
  };
}

/** A report people can read: the two figures, then each miss and each false positive. */
export function describeScore(score: Score): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `cases: ${score.contacts + score.ordinary} (${score.contacts} with contact details, ${score.ordinary} ordinary)`,
    `recall: ${pct(score.recall)} (${score.caught}/${score.contacts} contact cases fully removed)`,
    `false positives: ${pct(score.falsePositiveRate)} (${score.altered}/${score.ordinary} ordinary texts altered)`,
  ];
  for (const m of score.misses) {
    lines.push(
      `  MISS [${m.case.cls}/${m.case.lang}${m.case.disguised ? '/disguised' : ''}] ${JSON.stringify(m.case.text)} -> ${JSON.stringify(m.output)} (left: ${m.left.map((s) => JSON.stringify(s)).join(', ')})`,
    );
  }
  for (const f of score.falsePositives) {
    lines.push(`  FALSE POSITIVE [${f.case.cls}/${f.case.lang}] ${JSON.stringify(f.case.text)} -> ${JSON.stringify(f.output)}`);
  }
  return lines.join('\n');
}
