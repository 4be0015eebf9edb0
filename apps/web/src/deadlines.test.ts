import { describe, expect, it } from 'vitest';
import { timelineOrder } from './deadlines';

describe('timelineOrder', () => {
  it('puts overdue items first, oldest first, and done ones last', () => {
    const ordered = timelineOrder([
      { id: 'a', status: 'DONE' as const, dueDate: '2010-01-01' },
      { id: 'b', status: 'UPCOMING' as const, dueDate: '2013-01-01' },
      { id: 'c', status: 'OVERDUE' as const, dueDate: '2012-06-30' },
      { id: 'd', status: 'OVERDUE' as const, dueDate: '2011-12-31' },
      { id: 'e', status: 'DUE_SOON' as const, dueDate: '2012-12-01' },
    ]);
    expect(ordered.map((item) => item.id)).toEqual(['d', 'c', 'e', 'b', 'a']);
  });
});
