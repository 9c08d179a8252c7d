import { describe, expect, it } from 'vitest';
import { CommitmentPriority, CommitmentStatus } from '@pactwatch/domain';
import { CommitmentQueryState, EMPTY_QUERY, fromSavedView, parseCommitmentQuery, toCommitmentFilter, toCommitmentOrder, toSearchParams } from './commitment-query';

describe('commitment list URL state', () => {
  it('round-trips every filter, the search and the sort through the URL', () => {
    const state: CommitmentQueryState = {
      search: 'human smuggling',
      status: [CommitmentStatus.IN_PROGRESS, CommitmentStatus.STALLED],
      parties: ['MX'],
      themes: ['anti-smuggling', 'border-enforcement'],
      agreementId: '00000000-0000-4000-8000-000000000601',
      owners: ['00000000-0000-4000-8000-000000000205'],
      priorities: [CommitmentPriority.HIGH],
      dueAfter: '2024-01-01',
      dueBefore: '2024-12-31',
      overdue: true,
      brokenSources: true,
      assignee: '00000000-0000-4000-8000-000000001202',
      sort: 'DUE_ON',
      direction: 'DESC',
    };
    const url = toSearchParams(state);
    expect(parseCommitmentQuery(new URLSearchParams(url.toString()))).toEqual(state);
  });

  it('writes nothing for the default view, and reads an empty URL as the default view', () => {
    expect(toSearchParams(EMPTY_QUERY).toString()).toBe('');
    expect(parseCommitmentQuery(new URLSearchParams(''))).toEqual(EMPTY_QUERY);
  });

  it('gives equal views equal, readable URLs', () => {
    const a = parseCommitmentQuery(new URLSearchParams('sort=TITLE&status=STALLED,FULFILLED&q=+joint+statement+'));
    expect(toSearchParams(a).toString()).toBe('q=joint+statement&status=STALLED%2CFULFILLED&sort=TITLE');
  });

  it('drops what the server would refuse: unknown statuses, bad dates, unknown sort fields', () => {
    const state = parseCommitmentQuery(new URLSearchParams('status=DONE,FULFILLED&dueAfter=2024-02-30&sort=DROP+TABLE&overdue=maybe&dir=sideways'));
    expect(state).toEqual({ ...EMPTY_QUERY, status: ['FULFILLED'] });
  });

  it('turns the state into the API filter and order, leaving empty parts out', () => {
    const state = parseCommitmentQuery(new URLSearchParams('q=smuggling&party=mx&overdue=false&sort=PRIORITY&dir=DESC'));
    expect(toCommitmentFilter(state)).toEqual({ search: 'smuggling', partyCodes: ['MX'], overdue: false });
    expect(toCommitmentOrder(state)).toEqual({ field: 'PRIORITY', direction: 'DESC' });
    expect(toCommitmentOrder(EMPTY_QUERY)).toBeNull();
  });

  it('sends brokenSources either way, and keeps it through a saved view', () => {
    for (const brokenSources of [true, false]) {
      const state = parseCommitmentQuery(new URLSearchParams(`brokenSources=${brokenSources}`));
      expect(toCommitmentFilter(state)).toEqual({ brokenSources });
      expect(fromSavedView(toCommitmentFilter(state) as Record<string, unknown>, null)).toEqual({ ...EMPTY_QUERY, brokenSources });
    }
    expect(parseCommitmentQuery(new URLSearchParams('brokenSources=maybe')).brokenSources).toBeNull();
  });

  it('sends assignee=me as assignedToMe and a member as assigneeId', () => {
    expect(toCommitmentFilter(parseCommitmentQuery(new URLSearchParams('assignee=me')))).toEqual({ assignedToMe: true });
    expect(toCommitmentFilter(parseCommitmentQuery(new URLSearchParams('assignee=u1')))).toEqual({ assigneeId: 'u1' });
  });
});

describe('fromSavedView', () => {
  it('reads back the filter and order the list sends, so a saved view opens as it was saved', () => {
    const state = {
      ...EMPTY_QUERY, search: 'deportación', status: [CommitmentStatus.STALLED], parties: ['MX'], themes: ['anti-smuggling'], agreementId: 'a1',
      owners: ['o1'], overdue: true, dueBefore: '2026-12-31', sort: 'DUE_ON' as const, direction: 'DESC' as const,
    };
    expect(fromSavedView(toCommitmentFilter(state) as Record<string, unknown>, toCommitmentOrder(state))).toEqual(state);
    for (const assignee of ['me', 'u1']) {
      const assigned = { ...EMPTY_QUERY, assignee };
      expect(fromSavedView(toCommitmentFilter(assigned) as Record<string, unknown>, null)).toEqual(assigned);
    }
  });

  it('drops what it does not know rather than sending it', () => {
    expect(fromSavedView({ status: ['NOPE'], priorities: ['URGENT'] }, { field: 'COLOUR', direction: 'UP' })).toEqual(EMPTY_QUERY);
  });
});
