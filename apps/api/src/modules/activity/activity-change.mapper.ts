import { CommitmentLinkKind, CommitmentStatus, LoggedChange, StatusReasonCode } from '@pactwatch/domain';
import { CommentSubjectType } from '../comments/comment.model';
import {
  ActivityChange,
  CommentChange,
  CommitmentAssignmentChange,
  CommitmentLinkChange,
  CommitmentStatusChange,
  ObservationChange,
  RecordChange,
} from './activity-change.model';

type Json = Record<string, unknown>;

// The stored JSON is read defensively: a row older than a key, or seeded, may lack it. Each value
// is returned as the GraphQL type asks (the fast path writes leaves as resolvers return them).
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(values: Record<string, T>, v: unknown): T | null =>
  typeof v === 'string' && (Object.values(values) as string[]).includes(v) ? (v as T) : null;

/** What a record change names it by: its title, else its name, else the code, acronym, slug or address it was written with. */
function titleOf(after: Json, before: Json): string | null {
  for (const key of ['title', 'name', 'code', 'acronym', 'slug', 'email']) {
    const value = str(after[key]) ?? str(before[key]);
    if (value) return value;
  }
  return null;
}

/** The typed change of a logged row, by its verb (libs/domain's ChangeCatalogue says what each writes). */
export function toActivityChange(row: LoggedChange): ActivityChange {
  const after: Json = row.after ?? {};
  const before: Json = row.before ?? {};
  switch (row.verb) {
    case 'commitment.status_changed':
    case 'commitment.progress_recorded': {
      const moved = row.verb === 'commitment.status_changed';
      const change: CommitmentStatusChange = {
        typename: 'CommitmentStatusChange',
        title: str(after.title),
        version: int(after.version),
        fromStatus: moved ? oneOf(CommitmentStatus, before.status) : null,
        toStatus: oneOf(CommitmentStatus, after.status) ?? CommitmentStatus.ANNOUNCED,
        currentStatus: oneOf(CommitmentStatus, after.currentStatus),
        occurredOn: str(after.occurredOn),
        note: str(after.note) ?? '',
        reasonCode: oneOf(StatusReasonCode, after.reasonCode),
        evidenceIds: ids(after.evidenceIds),
        statusChangeId: str(after.statusChangeId),
      };
      return change;
    }
    case 'commitment.assigned':
    case 'commitment.unassigned': {
      const assigned = row.verb === 'commitment.assigned';
      const who = assigned ? after : before;
      const change: CommitmentAssignmentChange = {
        typename: 'CommitmentAssignmentChange', title: str(after.title), version: null, assigned,
        assigneeId: str(who.assigneeId) ?? '', assigneeName: str(who.assigneeName) ?? '',
      };
      return change;
    }
    case 'commitment.linked':
    case 'commitment.unlinked': {
      const linked = row.verb === 'commitment.linked';
      const link = linked ? after : before;
      const change: CommitmentLinkChange = {
        typename: 'CommitmentLinkChange', title: null, version: null, linked,
        linkId: str(link.linkId) ?? '', kind: oneOf(CommitmentLinkKind, link.kind) ?? CommitmentLinkKind.RECIPROCAL, toCommitmentId: str(link.toCommitmentId) ?? '',
      };
      return change;
    }
    case 'comment.added':
    case 'comment.edited':
    case 'comment.deleted': {
      const change: CommentChange = {
        typename: 'CommentChange', title: null, version: null,
        onType: oneOf(CommentSubjectType, after.subjectType), onId: str(after.subjectId),
        mentionedUserIds: ids(row.verb === 'comment.deleted' ? [] : after.mentionedUserIds), deleted: row.verb === 'comment.deleted',
      };
      return change;
    }
    case 'indicator.observation_recorded':
    case 'indicator.observation_revised': {
      const change: ObservationChange = {
        typename: 'ObservationChange', title: null, version: null, revised: row.verb === 'indicator.observation_revised',
        value: num(after.value) ?? 0, asOf: str(after.asOf) ?? '', previousValue: num(before.value), previousAsOf: str(before.asOf),
        observationId: str(after.observationId), evidenceId: str(after.evidenceId),
      };
      return change;
    }
    default: {
      const change: RecordChange = {
        typename: 'RecordChange', title: titleOf(after, before), version: int(after.version), previousVersion: int(before.version),
        archived: typeof after.archived === 'boolean' ? after.archived : null,
      };
      return change;
    }
  }
}
