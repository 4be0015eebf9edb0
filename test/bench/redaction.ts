/**
 * The contact redactor against the red-team table (test/support/redaction-cases.ts), and its speed on comments of the
 * longest allowed length (2,000 characters). `npm run redaction` builds, then runs `node dist/test/bench/redaction.js`.
 * Prints, for the red-team table and the held-out one, the case counts, recall, false-positive rate, every miss and every false positive, the time per comment, and
 * a last line of JSON for scripts. Exit code 1 when recall < 98% or false positives > 2%.
 */
import { performance } from 'node:perf_hooks';
import { MAX_COMMENT_LENGTH, redactContacts } from '#domain';
import { describeScore, HELD_OUT_CASES, REDACTION_CASES, scoreRedaction } from '../support/redaction-cases.js';

const score = scoreRedaction(redactContacts);
console.log(describeScore(score));
const heldOut = scoreRedaction(redactContacts, HELD_OUT_CASES);
console.log(`held-out table (test/support/redaction-held-out.json):\n${describeScore(heldOut)}`);

/** Comments of exactly 2,000 characters: made of the table's texts, and a few hostile ones. */
function comment(parts: readonly string[], offset: number): string {
  let text = '';
  for (let k = offset; text.length < MAX_COMMENT_LENGTH; k += 1) text += `${parts[k % parts.length] ?? ''} `;
  return text.slice(0, MAX_COMMENT_LENGTH);
}
const ordinaryTexts = REDACTION_CASES.filter((c) => c.kind === 'ordinary').map((c) => c.text);
const allTexts = REDACTION_CASES.map((c) => c.text);
const kinds: Record<string, readonly string[]> = {
  ordinary: Array.from({ length: 20 }, (_, k) => comment(ordinaryTexts, k * 7)),
  mixed: Array.from({ length: 20 }, (_, k) => comment(allTexts, k * 31)),
  hostile: [
    '😀'.repeat(1000),
    '1234567 '.repeat(250),
    '0 '.repeat(1000),
    'one two three four five six seven eight nine '.repeat(45).slice(0, 2000),
    '@a '.repeat(667).slice(0, 2000),
    '\uD800x\uDC00y'.repeat(500),
    '\u0000\u202E\u200B\uFE0F\u20E3 '.repeat(400),
    'my snap is '.repeat(182).slice(0, 2000),
    'a.b '.repeat(500),
    '06/'.repeat(666).slice(0, 2000),
  ],
};

function timePerComment(texts: readonly string[]): { median: number; p99: number; max: number } {
  for (let k = 0; k < 3; k += 1) for (const t of texts) redactContacts(t, { country: 'NL' });
  const samples: number[] = [];
  for (let round = 0; round < 10; round += 1) {
    for (const t of texts) {
      const started = performance.now();
      redactContacts(t, { country: 'NL' });
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), max: samples[samples.length - 1] ?? 0 };
}

const timings = Object.fromEntries(Object.entries(kinds).map(([name, texts]) => [name, timePerComment(texts)]));
for (const [name, t] of Object.entries(timings)) {
  console.log(
    `time per 2,000-character comment (${name}): median ${t.median.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`,
  );
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
console.log(
  JSON.stringify({
    redaction_cases: score.contacts + score.ordinary,
    redaction_contact_cases: score.contacts,
    redaction_ordinary_cases: score.ordinary,
    redaction_recall: round(score.recall, 4),
    redaction_false_positive_rate: round(score.falsePositiveRate, 4),
    redaction_held_out_cases: heldOut.contacts + heldOut.ordinary,
    redaction_held_out_recall: round(heldOut.recall, 4),
    redaction_held_out_false_positive_rate: round(heldOut.falsePositiveRate, 4),
    redaction_ms_per_comment_median: round(timings['mixed']?.median ?? 0, 3),
    redaction_ms_per_comment_p99: round(Math.max(...Object.values(timings).map((t) => t.p99)), 3),
  }),
);
if ([score, heldOut].some((s) => s.recall < 0.98 || s.falsePositiveRate > 0.02)) process.exitCode = 1;
