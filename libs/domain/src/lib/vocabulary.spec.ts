import {
  AgreementKind,
  CommitmentLinkKind,
  CommitmentPriority,
  CommitmentStatus,
  EvidenceKind,
  EvidenceStance,
  StatusReasonCode,
} from './vocabulary';

describe('vocabulary', () => {
  it.each([
    ['CommitmentStatus', CommitmentStatus, ['ANNOUNCED', 'IN_PROGRESS', 'STALLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'BROKEN']],
    [
      'StatusReasonCode',
      StatusReasonCode,
      ['NO_FUNDING', 'POLITICAL_CHANGE', 'LEGAL_OBSTACLE', 'CAPACITY', 'EXTERNAL_EVENT', 'DEPRIORITIZED', 'COUNTERPART_INACTION', 'OTHER'],
    ],
    ['CommitmentPriority', CommitmentPriority, ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']],
    ['AgreementKind', AgreementKind, ['MEETING', 'DIALOGUE', 'JOINT_STATEMENT', 'MOU', 'TREATY']],
    ['EvidenceKind', EvidenceKind, ['OFFICIAL_STATEMENT', 'NEWS', 'DATASET', 'TESTIMONY', 'OTHER']],
    ['EvidenceStance', EvidenceStance, ['SUPPORTS', 'CONTRADICTS', 'CONTEXT']],
    ['CommitmentLinkKind', CommitmentLinkKind, ['RECIPROCAL', 'DEPENDS_ON', 'SUPERSEDES']],
  ])('%s has exactly the agreed members, each valued as its key', (_name, vocabulary, expected) => {
    expect(Object.keys(vocabulary)).toEqual(expected);
    expect(Object.values(vocabulary)).toEqual(expected);
  });
});
