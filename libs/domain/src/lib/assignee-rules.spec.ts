import { addDaysIso, checkAssigneeCount, groupWork, MAX_ASSIGNEES_PER_COMMITMENT, workGroupOf, WorkGroup } from './assignee-rules';
import { CommitmentStatus } from './vocabulary';

const today = '2026-12-06';
const open = (dueOn: string | null) => ({ status: CommitmentStatus.IN_PROGRESS, dueOn });

describe('workGroupOf', () => {
  it('puts an open commitment due yesterday in OVERDUE', () => {
    expect(workGroupOf(open('2026-12-05'), today)).toBe(WorkGroup.OVERDUE);
  });

  it('puts one due today and one due in 13 days in DUE_SOON, one due in 14 days in LATER', () => {
    expect(workGroupOf(open('2026-12-06'), today)).toBe(WorkGroup.DUE_SOON);
    expect(workGroupOf(open('2026-12-19'), today)).toBe(WorkGroup.DUE_SOON);
    expect(workGroupOf(open('2026-12-20'), today)).toBe(WorkGroup.LATER);
  });

  it('puts one without a due date, and a fulfilled or broken one past its date, in LATER', () => {
    expect(workGroupOf(open(null), today)).toBe(WorkGroup.LATER);
    expect(workGroupOf({ status: CommitmentStatus.FULFILLED, dueOn: '2026-12-01' }, today)).toBe(WorkGroup.LATER);
    expect(workGroupOf({ status: CommitmentStatus.BROKEN, dueOn: '2026-12-08' }, today)).toBe(WorkGroup.LATER);
  });
});

describe('groupWork', () => {
  it('splits the items into the three groups, keeping their order', () => {
    const items = [open('2026-12-10'), open(null), open('2026-11-01'), open('2026-12-07')];
    expect(groupWork(items, today)).toEqual({ OVERDUE: [items[2]], DUE_SOON: [items[0], items[3]], LATER: [items[1]] });
  });
});

describe('addDaysIso', () => {
  it('crosses month and year ends', () => {
    expect(addDaysIso('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('checkAssigneeCount', () => {
  it('lets the last allowed assignee through and refuses the next, naming the field', () => {
    expect(checkAssigneeCount('userId', MAX_ASSIGNEES_PER_COMMITMENT - 1)).toBeNull();
    expect(checkAssigneeCount('userId', MAX_ASSIGNEES_PER_COMMITMENT)?.field).toBe('userId');
  });
});
