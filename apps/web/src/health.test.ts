import { describe, expect, it } from 'vitest';
import { planHealth } from './health';

describe('planHealth', () => {
  it('adds overdue milestones across owner kinds and reports on-time reports over owed ones', () => {
    const health = planHealth({
      byOwnerKind: [{ figures: { milestonesOverdue: 2 } }, { figures: { milestonesOverdue: 1 } }],
      reports: { owed: 4, onTime: 2 },
    });
    expect(health).toEqual({ overdue: 3, compliance: 0.5 });
  });

  it('has no compliance figure before any report was owed', () => {
    expect(planHealth({ byOwnerKind: [], reports: { owed: 0, onTime: 0 } })).toEqual({ overdue: 0, compliance: null });
  });
});
