import { ChangeKind, changeConcerns } from './activity-changes';
import { CommitmentStatus } from './vocabulary';

const C = '11111111-1111-4111-8111-111111111111';
const A = '22222222-2222-4222-8222-222222222222';
const E = '33333333-3333-4333-8333-333333333333';

describe('changeConcerns', () => {
  it('names the commitment a change of a commitment is about, and leaves its agreement to the writer', () => {
    const change: ChangeKind = {
      verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: C,
      before: { status: CommitmentStatus.ANNOUNCED }, after: { title: 'T', status: CommitmentStatus.STALLED, note: 'n' },
    };
    expect(changeConcerns(change)).toEqual({ commitmentId: C, agreementId: null });
  });

  it('names the agreement a change of an agreement is about', () => {
    expect(changeConcerns({ verb: 'agreement.archived', subjectType: 'Agreement', subjectId: A, before: { version: 1, archived: false }, after: { title: 'T', version: 2, archived: true } }))
      .toEqual({ commitmentId: null, agreementId: A });
  });

  it('names what a comment or a watch is on', () => {
    const onCommitment: ChangeKind = {
      verb: 'comment.added', subjectType: 'Comment', subjectId: E,
      after: { subjectType: 'COMMITMENT', subjectId: C, body: 'b', mentionedUserIds: [], notifiedUserIds: [] },
    };
    expect(changeConcerns(onCommitment)).toEqual({ commitmentId: C, agreementId: null });
    expect(changeConcerns({ verb: 'comment.deleted', subjectType: 'Comment', subjectId: E, before: { body: 'b', mentionedUserIds: [] }, after: { subjectType: 'AGREEMENT', subjectId: A, deleted: true } }))
      .toEqual({ commitmentId: null, agreementId: A });
    expect(changeConcerns({ verb: 'watch.added', subjectType: 'Watch', subjectId: E, after: { userId: E, subjectType: 'AGREEMENT', subjectId: A } }))
      .toEqual({ commitmentId: null, agreementId: A });
    // A watch of a party or a saved view concerns no commitment or agreement.
    expect(changeConcerns({ verb: 'watch.added', subjectType: 'Watch', subjectId: E, after: { userId: E, subjectType: 'PARTY', subjectId: A } }))
      .toEqual({ commitmentId: null, agreementId: null });
  });

  it('names the commitment or agreement a source was added to, detached from or first left', () => {
    expect(changeConcerns({ verb: 'evidence.added', subjectType: 'Evidence', subjectId: E, after: { url: 'https://x.org', title: 'S', kind: 'REPORT', stance: 'SUPPORTS', commitmentId: C } }))
      .toEqual({ commitmentId: C, agreementId: null });
    expect(changeConcerns({ verb: 'evidence.detached', subjectType: 'Evidence', subjectId: E, before: { agreementId: A }, after: { title: 'S', url: null, agreementId: A } }))
      .toEqual({ commitmentId: null, agreementId: A });
    expect(changeConcerns({
      verb: 'evidence.archived', subjectType: 'Evidence', subjectId: E,
      before: { version: 1, commitmentIds: [], agreementIds: [A] }, after: { title: 'S', url: null, version: 2, archived: true, commitmentId: null },
    })).toEqual({ commitmentId: null, agreementId: null });
  });

  it('names a new figure\'s commitment; an observation says none itself (the writer looks up the figure\'s)', () => {
    expect(changeConcerns({ verb: 'indicator.created', subjectType: 'Indicator', subjectId: E, after: { name: 'n', unit: 'u', commitmentId: C } }))
      .toEqual({ commitmentId: C, agreementId: null });
    expect(changeConcerns({ verb: 'indicator.observation_recorded', subjectType: 'Indicator', subjectId: E, after: { value: 1, asOf: '2026-01-01', observationId: E, evidenceId: null } }))
      .toEqual({ commitmentId: null, agreementId: null });
  });

  it('reads rows as stored, whatever their verb, and ignores keys that are no id', () => {
    expect(changeConcerns({ verb: 'member.joined', subjectType: 'User', subjectId: E, after: { role: 'VIEWER', invitationId: E } })).toEqual({ commitmentId: null, agreementId: null });
    expect(changeConcerns({ verb: 'some.old_verb', subjectType: 'Thing', subjectId: E, before: null, after: { commitmentId: 7, agreementId: '' } }))
      .toEqual({ commitmentId: null, agreementId: null });
  });

  it('refuses, at compile time, a change whose keys do not match its verb', () => {
    // @ts-expect-error a status change's after has no `state`
    const wrongKey: ChangeKind = { verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: C, before: { status: CommitmentStatus.ANNOUNCED }, after: { title: 'T', state: 'STALLED', note: '' } };
    // @ts-expect-error a comment is not a commitment's change
    const wrongSubject: ChangeKind = { verb: 'comment.added', subjectType: 'Commitment', subjectId: C };
    expect([wrongKey, wrongSubject]).toHaveLength(2);
  });
});
