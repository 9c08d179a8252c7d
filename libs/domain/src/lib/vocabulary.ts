// Shared vocabulary. Values equal keys so they can be stored and sent over the wire as-is.

export enum CommitmentStatus {
  ANNOUNCED = 'ANNOUNCED',
  IN_PROGRESS = 'IN_PROGRESS',
  STALLED = 'STALLED',
  PARTIALLY_FULFILLED = 'PARTIALLY_FULFILLED',
  FULFILLED = 'FULFILLED',
  BROKEN = 'BROKEN',
}

export enum StatusReasonCode {
  NO_FUNDING = 'NO_FUNDING',
  POLITICAL_CHANGE = 'POLITICAL_CHANGE',
  LEGAL_OBSTACLE = 'LEGAL_OBSTACLE',
  CAPACITY = 'CAPACITY',
  EXTERNAL_EVENT = 'EXTERNAL_EVENT',
  DEPRIORITIZED = 'DEPRIORITIZED',
  COUNTERPART_INACTION = 'COUNTERPART_INACTION',
  OTHER = 'OTHER',
}

export enum CommitmentPriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum AgreementKind {
  MEETING = 'MEETING',
  DIALOGUE = 'DIALOGUE',
  JOINT_STATEMENT = 'JOINT_STATEMENT',
  MOU = 'MOU',
  TREATY = 'TREATY',
}

export enum EvidenceKind {
  OFFICIAL_STATEMENT = 'OFFICIAL_STATEMENT',
  NEWS = 'NEWS',
  DATASET = 'DATASET',
  TESTIMONY = 'TESTIMONY',
  OTHER = 'OTHER',
}

/** An entry of a commitment's history: a move to another status, or a progress note that leaves the status as it was. */
export enum StatusChangeKind {
  STATUS_CHANGE = 'STATUS_CHANGE',
  PROGRESS = 'PROGRESS',
}

export enum EvidenceStance {
  SUPPORTS = 'SUPPORTS',
  CONTRADICTS = 'CONTRADICTS',
  CONTEXT = 'CONTEXT',
}

export enum CommitmentLinkKind {
  RECIPROCAL = 'RECIPROCAL',
  DEPENDS_ON = 'DEPENDS_ON',
  SUPERSEDES = 'SUPERSEDES',
}
