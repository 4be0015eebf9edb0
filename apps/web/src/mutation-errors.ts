import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** One offending field of a refused mutation: what is wrong, as a stable name the app translates. */
export interface FieldProblem {
  /** `isNotEmpty`, `maxLength`, `min`… (class-validator), `invalid` (wrong type or shape), `required`, or `rule`. */
  readonly constraint: string;
  /** The api's own words, in English: shown only when the app has no translation. */
  readonly message: string;
  /** The domain rule behind it, for a rule refusal about this field. */
  readonly rule?: string;
}

/** What the api said about a refused mutation: its stable code, domain rule, message, and the offending fields. */
export interface MutationProblem {
  readonly code: string;
  readonly message: string;
  /** A domain rule's stable id, for `RULE_VIOLATION`. */
  readonly rule?: string;
  /** Field path without the `input.` prefix (`reason`, `target.unit`) → what is wrong with it. */
  readonly fields: Readonly<Record<string, FieldProblem>>;
}

/**
 * The input field each domain rule is about, so its refusal is shown next to that field rather than above the form.
 * Rules about the whole thing (a closed plan, a commitment not yet active) have no field.
 */
export const RULE_FIELDS: Readonly<Record<string, string>> = {
  'plan.invalid_period': 'periodEnd',
  'plan.deadline_outside_period': 'dueDate',
  'plan.duplicate_area_code': 'code',
  'plan.unknown_period': 'period',
  'plan.period_not_over': 'period',
  'plan.period_already_closed': 'period',
  'progress.unknown_period': 'period',
  'progress.already_reported': 'period',
  'progress.duplicate_report': 'period',
  'progress.invalid_percent': 'percentComplete',
  'progress.invalid_indicator_value': 'indicatorValue',
  'progress.nothing_reported': 'percentComplete',
  'milestone.same_date': 'dueDate',
  'milestone.duplicate': 'title',
  'task.duplicate': 'title',
  'commitment.completed_in_future': 'completedOn',
  'commitment.due_date_required': 'dueDate',
  'commitment.unknown_thematic_area': 'thematicAreaCode',
  'commitment.owner_not_admitted': 'ownerId',
  'commitment.invalid_target': 'target',
  'commitment.owner_as_co_owner': 'coOwnerIds',
  'commitment.co_owner_not_admitted': 'coOwnerIds',
  'comment.invalid_length': 'text',
  'comment.reason_required': 'reason',
  'participant.age_band_mismatch': 'ageBand',
  'participant.already_registered': 'subject',
  'participant.erased': 'subject',
  'participant.sponsor_for_youth_only': 'sponsorStakeholderId',
  'participant.scope_required': 'scope',
  'participant.admin_has_no_scope': 'scope',
  'participant.youth_role': 'role',
};

export function problemOf(error: unknown): MutationProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const [first] = error.errors;
    const extensions = first?.extensions ?? {};
    const code = typeof extensions['code'] === 'string' ? extensions['code'] : 'INTERNAL';
    const rule = typeof extensions['rule'] === 'string' ? extensions['rule'] : undefined;
    const fields: Record<string, FieldProblem> = {};
    const raw = extensions['fields'];
    if (Array.isArray(raw)) {
      for (const field of raw as { field?: string; message?: string; constraint?: string }[]) {
        const name = field.field?.replace(/^input\./, '');
        if (name && !fields[name]) fields[name] = { constraint: field.constraint ?? 'invalid', message: field.message ?? '' };
      }
    }
    const ruleField = rule ? RULE_FIELDS[rule] : undefined;
    if (rule && ruleField) fields[ruleField] = { constraint: 'rule', rule, message: first?.message ?? '' };
    return { code, message: first?.message ?? 'Refused', fields, ...(rule ? { rule } : {}) };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: {} };
}
