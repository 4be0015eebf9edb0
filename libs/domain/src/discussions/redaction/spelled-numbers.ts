import type { View } from './text-view.js';

/**
 * Phone numbers spelled out in words ("zero six one two…", "zéro six, douze, trente-quatre…", "seis uno dos…",
 * "nove meia meia…"): a run of number words (and digit groups) that reads as seven digits or more.
 */

type Entry = readonly [phrase: string, digits: string];

const UNITS: Record<string, readonly string[]> = {
  0: ['zero', 'oh', 'nought', 'cero'],
  1: ['one', 'un', 'une', 'uno', 'una', 'um', 'uma'],
  2: ['two', 'deux', 'dos', 'dois', 'duas'],
  3: ['three', 'trois', 'tres'],
  4: ['four', 'quatre', 'cuatro', 'quatro'],
  5: ['five', 'cinq', 'cinco'],
  6: ['six', 'seis', 'meia'],
  7: ['seven', 'sept', 'siete', 'sete'],
  8: ['eight', 'huit', 'ocho', 'oito'],
  9: ['nine', 'neuf', 'nueve', 'nove'],
};
const unitWords = (n: number): readonly string[] => UNITS[n] ?? [];

function entries(): Entry[] {
  const list: Entry[] = [];
  const add = (phrase: string, value: number): void => {
    list.push([phrase, value < 10 ? String(value) : String(value).padStart(2, '0')]);
  };
  for (let n = 0; n <= 9; n += 1) for (const w of unitWords(n)) add(w, n);
  // English
  const enTeens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  enTeens.forEach((w, k) => add(w, 10 + k));
  const enTens: Record<number, readonly string[]> = {
    2: ['twenty'],
    3: ['thirty'],
    4: ['forty', 'fourty'],
    5: ['fifty'],
    6: ['sixty'],
    7: ['seventy'],
    8: ['eighty'],
    9: ['ninety'],
  };
  const en = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  for (const [t, words] of Object.entries(enTens)) {
    for (const w of words) {
      add(w, Number(t) * 10);
      for (let u = 1; u <= 9; u += 1) add(`${w} ${en[u]}`, Number(t) * 10 + u);
    }
  }
  // French
  const fr = ['zero', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
  const frTeens = ['dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix sept', 'dix huit', 'dix neuf'];
  frTeens.forEach((w, k) => add(w, 10 + k));
  const frTens: Record<number, readonly string[]> = {
    2: ['vingt'],
    3: ['trente'],
    4: ['quarante'],
    5: ['cinquante'],
    6: ['soixante'],
    7: ['septante'],
    8: ['huitante', 'octante', 'quatre vingt', 'quatre vingts'],
    9: ['nonante'],
  };
  for (const [t, words] of Object.entries(frTens)) {
    for (const w of words) {
      add(w, Number(t) * 10);
      add(`${w} et un`, Number(t) * 10 + 1);
      add(`${w} et une`, Number(t) * 10 + 1);
      for (let u = 1; u <= 9; u += 1) add(`${w} ${fr[u]}`, Number(t) * 10 + u);
    }
  }
  frTeens.forEach((w, k) => {
    add(`soixante ${w}`, 70 + k);
    add(`quatre vingt ${w}`, 90 + k);
  });
  add('soixante et onze', 71);
  // Spanish
  const es = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
  const esTeens = ['diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciseis', 'diecisiete', 'dieciocho', 'diecinueve'];
  esTeens.forEach((w, k) => add(w, 10 + k));
  add('veinte', 20);
  ['veintiuno', 'veintidos', 'veintitres', 'veinticuatro', 'veinticinco', 'veintiseis', 'veintisiete', 'veintiocho', 'veintinueve'].forEach(
    (w, k) => add(w, 21 + k),
  );
  const esTens: Record<number, string> = {
    3: 'treinta',
    4: 'cuarenta',
    5: 'cincuenta',
    6: 'sesenta',
    7: 'setenta',
    8: 'ochenta',
    9: 'noventa',
  };
  for (const [t, w] of Object.entries(esTens)) {
    add(w, Number(t) * 10);
    for (let u = 1; u <= 9; u += 1) add(`${w} y ${es[u]}`, Number(t) * 10 + u);
  }
  // Portuguese
  const pt = ['zero', 'um', 'dois', 'tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'];
  const ptTeens: readonly (readonly string[])[] = [
    ['dez'],
    ['onze'],
    ['doze'],
    ['treze'],
    ['catorze', 'quatorze'],
    ['quinze'],
    ['dezesseis', 'dezasseis'],
    ['dezessete', 'dezassete'],
    ['dezoito'],
    ['dezenove', 'dezanove'],
  ];
  ptTeens.forEach((ws, k) => ws.forEach((w) => add(w, 10 + k)));
  const ptTens: Record<number, string> = {
    2: 'vinte',
    3: 'trinta',
    4: 'quarenta',
    5: 'cinquenta',
    6: 'sessenta',
    7: 'setenta',
    8: 'oitenta',
    9: 'noventa',
  };
  for (const [t, w] of Object.entries(ptTens)) {
    add(w, Number(t) * 10);
    for (let u = 1; u <= 9; u += 1) {
      add(`${w} e ${pt[u]}`, Number(t) * 10 + u);
      if (u === 1) add(`${w} e uma`, Number(t) * 10 + 1);
      if (u === 2) add(`${w} e duas`, Number(t) * 10 + 2);
    }
  }
  return list;
}

interface Node {
  digits?: string;
  readonly next: Map<string, Node>;
}

const TRIE: Node = (() => {
  const root: Node = { next: new Map() };
  for (const [phrase, digits] of entries()) {
    let node = root;
    for (const word of phrase.split(' ')) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    if (node.digits === undefined) node.digits = digits;
  }
  return root;
})();

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN = /[a-z]+|\d+/g;
/** What may stand between two numbers of one run: spaces and light punctuation. */
const BETWEEN = /^[\s,.;:\-–—/]{0,4}$/;
/** What may stand between the words of one number ("quatre-vingt-dix", "thirty four"). */
const INSIDE = /^[\s-]{1,3}$/;

export interface SpelledRun {
  readonly start: number;
  readonly end: number;
}

/** Runs of spelled digits in the view (positions in the view). */
export function findSpelledNumbers(view: View): SpelledRun[] {
  const lower = view.text.toLowerCase();
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower))
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });

  const found: SpelledRun[] = [];
  let k = 0;
  while (k < tokens.length) {
    let digits = '';
    let numbers = 0;
    let words = 0;
    let runStart = -1;
    let runEnd = -1;
    let j = k;
    while (j < tokens.length) {
      const token = tokens[j];
      if (!token) break;
      if (runEnd >= 0 && !BETWEEN.test(lower.slice(runEnd, token.start))) break;
      let step = 0;
      let value = '';
      if (/^\d{1,8}$/.test(token.word)) {
        step = 1;
        value = token.word;
      } else if ((token.word === 'double' || token.word === 'triple') && tokens[j + 1]) {
        const after = tokens[j + 1];
        const unit = after ? TRIE.next.get(after.word)?.digits : undefined;
        if (after && unit !== undefined && unit.length === 1 && INSIDE.test(lower.slice(token.end, after.start))) {
          step = 2;
          value = unit.repeat(token.word === 'double' ? 2 : 3);
          words += 1;
        }
      } else {
        let node: Node | undefined = TRIE;
        for (let n = 0; n < 5 && j + n < tokens.length; n += 1) {
          const t = tokens[j + n];
          if (!t) break;
          if (n > 0) {
            const previous = tokens[j + n - 1];
            if (!previous || !INSIDE.test(lower.slice(previous.end, t.start))) break;
          }
          node = node.next.get(t.word);
          if (!node) break;
          if (node.digits !== undefined) {
            step = n + 1;
            value = node.digits;
          }
        }
        if (step > 0) words += 1;
      }
      if (step === 0) break;
      if (runStart < 0) runStart = token.start;
      const last = tokens[j + step - 1];
      runEnd = last ? last.end : token.end;
      digits += value;
      numbers += 1;
      j += step;
    }
    const isPhone = words >= 2 && digits.length >= 7 && (numbers >= 7 || (numbers >= 5 && digits.length >= 8));
    if (isPhone && runStart >= 0) found.push({ start: runStart, end: runEnd });
    // A run that does not read as a phone number has no later part that does: carry on after it.
    k = Math.max(k + 1, j);
  }
  return found;
}
