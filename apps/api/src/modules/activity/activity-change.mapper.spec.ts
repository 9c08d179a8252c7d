import { toActivityChange } from './activity-change.mapper';

const ID = '00000000-0000-4000-8000-000000000701';

describe('toActivityChange', () => {
  it('reads a status change, and one of the seeded history that lacks the newer keys', () => {
    expect(toActivityChange({
      verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: ID,
      before: { status: 'ANNOUNCED', currentStatus: 'ANNOUNCED', version: 3 },
      after: { title: 'T', status: 'STALLED', currentStatus: 'STALLED', occurredOn: '2026-11-02', version: 4, note: 'n', reasonCode: 'NO_FUNDING', evidenceIds: [ID], statusChangeId: ID },
    })).toEqual({
      typename: 'CommitmentStatusChange', title: 'T', version: 4, fromStatus: 'ANNOUNCED', toStatus: 'STALLED', currentStatus: 'STALLED',
      occurredOn: '2026-11-02', note: 'n', reasonCode: 'NO_FUNDING', evidenceIds: [ID], statusChangeId: ID,
    });
    expect(toActivityChange({ verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: ID, before: { status: 'ANNOUNCED' }, after: { status: 'IN_PROGRESS', note: 'Recorded', title: 'T' } }))
      .toMatchObject({ fromStatus: 'ANNOUNCED', toStatus: 'IN_PROGRESS', currentStatus: null, occurredOn: null, version: null, reasonCode: null, evidenceIds: [] });
  });

  it('has no from-status for a progress note', () => {
    expect(toActivityChange({ verb: 'commitment.progress_recorded', subjectType: 'Commitment', subjectId: ID, after: { title: 'T', status: 'IN_PROGRESS', note: 'n', version: 2 } }))
      .toMatchObject({ typename: 'CommitmentStatusChange', fromStatus: null, toStatus: 'IN_PROGRESS', version: 2 });
  });

  it('names the assignee from after on assigning and from before on unassigning', () => {
    expect(toActivityChange({ verb: 'commitment.assigned', subjectType: 'Commitment', subjectId: ID, after: { title: 'T', assigneeId: ID, assigneeName: 'Ana', notifiedUserIds: [], notificationId: null } }))
      .toEqual({ typename: 'CommitmentAssignmentChange', title: 'T', version: null, assigned: true, assigneeId: ID, assigneeName: 'Ana' });
    expect(toActivityChange({ verb: 'commitment.unassigned', subjectType: 'Commitment', subjectId: ID, before: { assigneeId: ID, assigneeName: 'Ana' }, after: { title: 'T' } }))
      .toMatchObject({ assigned: false, assigneeName: 'Ana' });
  });

  it('reads links, comments and observations', () => {
    expect(toActivityChange({ verb: 'commitment.unlinked', subjectType: 'Commitment', subjectId: ID, before: { linkId: ID, kind: 'DEPENDS_ON', toCommitmentId: ID } }))
      .toMatchObject({ typename: 'CommitmentLinkChange', linked: false, kind: 'DEPENDS_ON', toCommitmentId: ID });
    expect(toActivityChange({ verb: 'comment.deleted', subjectType: 'Comment', subjectId: ID, before: { body: 'b', mentionedUserIds: [ID] }, after: { subjectType: 'AGREEMENT', subjectId: ID, deleted: true } }))
      .toEqual({ typename: 'CommentChange', title: null, version: null, onType: 'AGREEMENT', onId: ID, mentionedUserIds: [], deleted: true });
    expect(toActivityChange({ verb: 'indicator.observation_revised', subjectType: 'Indicator', subjectId: ID, before: { value: 10, asOf: '2026-01-01' }, after: { value: 12.5, asOf: '2026-01-01', observationId: ID, evidenceId: null } }))
      .toEqual({ typename: 'ObservationChange', title: null, version: null, revised: true, value: 12.5, asOf: '2026-01-01', previousValue: 10, previousAsOf: '2026-01-01', observationId: ID, evidenceId: null });
  });

  it('reads any other verb as a record change named by what it wrote', () => {
    expect(toActivityChange({ verb: 'theme.archived', subjectType: 'Theme', subjectId: ID, before: { version: 1, archived: false, slug: 'trade' }, after: { version: 2, archived: true, slug: 'trade' } }))
      .toEqual({ typename: 'RecordChange', title: 'trade', version: 2, previousVersion: 1, archived: true });
    expect(toActivityChange({ verb: 'api_key.revoked', subjectType: 'ApiKey', subjectId: ID }))
      .toEqual({ typename: 'RecordChange', title: null, version: null, previousVersion: null, archived: null });
  });
});
