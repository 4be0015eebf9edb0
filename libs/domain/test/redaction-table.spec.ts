import { describe, expect, it } from '@jest/globals';
import { redactContacts } from '#domain';
import {
  CONTACT_CASES,
  describeScore,
  HELD_OUT_CASES,
  ORDINARY_CASES,
  REDACTION_CASES,
  scoreRedaction,
} from '../../../test/support/redaction-cases.js';

/**
 * The red-team table (test/support/redaction-cases.ts): contact details written by people who want them to get through,
 * and ordinary texts that must come out byte for byte. Recall must stay at 98% or more, false positives at 2% or less.
 */
describe('contact redaction against the red-team table', () => {
  it('is a table of at least 400 cases, 150 of them ordinary, whose must-go substrings are in their texts', () => {
    expect(REDACTION_CASES.length).toBeGreaterThanOrEqual(400);
    expect(ORDINARY_CASES.length).toBeGreaterThanOrEqual(150);
    const broken = CONTACT_CASES.filter((c) => c.mustGo.length === 0 || c.mustGo.some((s) => !c.text.includes(s)));
    expect(broken).toEqual([]);
  });

  it('removes at least 98% of the contact details and alters at most 2% of the ordinary texts', () => {
    const score = scoreRedaction(redactContacts);
    console.log(describeScore(score));
    expect({ recall: score.recall >= 0.98, falsePositiveRate: score.falsePositiveRate <= 0.02 }).toEqual({
      recall: true,
      falsePositiveRate: true,
    });
  });

  it('does as well on the held-out table, written apart from the redactor and from the table above', () => {
    expect(HELD_OUT_CASES.length).toBeGreaterThanOrEqual(400);
    const score = scoreRedaction(redactContacts, HELD_OUT_CASES);
    console.log(describeScore(score));
    expect({ recall: score.recall >= 0.98, falsePositiveRate: score.falsePositiveRate <= 0.02 }).toEqual({
      recall: true,
      falsePositiveRate: true,
    });
  });
});
