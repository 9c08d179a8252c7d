import { ActivityVerb } from './activity-rules';
import { CommitmentLinkKind, CommitmentStatus, StatusReasonCode } from './vocabulary';

/**
 * The typed change contract: what each activity verb writes to the log's `before` and `after`.
 * ActivityService.record takes only a ChangeKind, so a service that writes a key of the wrong
 * name or type does not compile. The JSON stored is exactly these objects, as it was before the
 * types existed, so older rows read the same. Rows loaded by the seed history or written before
 * a key existed may lack it: readers treat optional keys as possibly absent.
 */
interface Change<S extends string, B, A> {
  subjectType: S;
  subjectId: string;
  before: B;
  after: A;
}

/** No `before` (or no `after`): the key may be left out or null. */
type None = null | undefined;

/** Edits carry the version they moved from and to, and only the fields that changed. */
type Versioned<T> = { version: number } & Partial<T>;
/** Archiving and restoring: the version, whether archived, and what names the row. */
type Archival<L> = { version: number; archived: boolean } & L;

type CommitmentFields = {
  title: string;
  description: string;
  sourceQuote: string;
  ownerOrganizationId: string | null;
  ownerPersonId: string | null;
  dueOn: string | null;
  priority: string;
  /** Written by CSV imports: the columns as the file had them. */
  externalReference: string | null;
};
type AgreementFields = { title: string; kind: string; signedOn: string | null; summary: string; [field: string]: unknown };
type EvidenceFields = {
  url: string | null;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  kind: string;
  stance: string;
  archiveUrl: string | null;
};
type StatusMove = {
  title: string;
  /** The status the change records (for a back-dated change, not necessarily the current one). */
  status: CommitmentStatus;
  /** The commitment's status once the change is in (absent in seeded history). */
  currentStatus?: CommitmentStatus;
  occurredOn?: string;
  version?: number;
  note: string;
  reasonCode?: StatusReasonCode | null;
  evidenceIds?: string[];
  statusChangeId?: string;
};
type CommentOn = { subjectType: 'COMMITMENT' | 'AGREEMENT'; subjectId: string };
type LinkEnd = { linkId: string; kind: CommitmentLinkKind; toCommitmentId: string };
type Schedule = { cadence?: string; hour?: number | null; weekday?: number | null; timeZone?: string; locale?: string; [field: string]: unknown };
/** Saved views and webhook endpoints describe themselves (a private view by its id and version only). */
type Described = { version?: number; [field: string]: unknown };

/** Every verb of ACTIVITY_VERBS with the subject it is about and the shape of its before/after. */
export interface ChangeCatalogue {
  'agreement.created': Change<'Agreement', None, { title: string; kind: string; partyCodes: string[]; imported?: true }>;
  'agreement.updated': Change<'Agreement', Versioned<AgreementFields>, Versioned<AgreementFields> & { partyCodes?: string[]; participantIds?: string[] }>;
  'agreement.archived': Change<'Agreement', { version: number; archived: boolean }, { title: string; version: number; archived: boolean }>;
  'agreement.restored': Change<'Agreement', { version: number; archived: boolean }, { title: string; version: number; archived: boolean }>;
  'commitment.created': Change<
    'Commitment',
    None,
    { title: string; agreementId?: string; status: CommitmentStatus; partyCodes?: string[]; dueOn?: string | null; note?: string; reference?: string | null; imported?: true }
  >;
  'commitment.updated': Change<
    'Commitment',
    Versioned<CommitmentFields>,
    Versioned<CommitmentFields> & { partyCodes?: string[]; themes?: string[]; imported?: true }
  >;
  'commitment.status_changed': Change<'Commitment', { status: CommitmentStatus; currentStatus?: CommitmentStatus; version?: number }, StatusMove>;
  'commitment.progress_recorded': Change<'Commitment', None, StatusMove>;
  'commitment.linked': Change<'Commitment', None, LinkEnd>;
  'commitment.unlinked': Change<'Commitment', LinkEnd, None>;
  'commitment.archived': Change<'Commitment', { version: number; archived: boolean }, { title: string; version: number; archived: boolean }>;
  'commitment.restored': Change<'Commitment', { version: number; archived: boolean }, { title: string; version: number; archived: boolean }>;
  'commitment.assigned': Change<
    'Commitment',
    None,
    { title: string; assigneeId: string; assigneeName: string; notifiedUserIds: string[]; notificationId: string | null }
  >;
  'commitment.unassigned': Change<'Commitment', { assigneeId: string; assigneeName: string }, { title: string }>;
  'evidence.added': Change<'Evidence', None, { url: string | null; title: string; kind: string; stance: string; commitmentId: string | null }>;
  'evidence.updated': Change<'Evidence', EvidenceFields, EvidenceFields>;
  /** Taken off one commitment or one agreement: the key says which. */
  'evidence.detached': Change<
    'Evidence',
    { commitmentId: string } | { agreementId: string },
    { title: string; url: string | null } & ({ commitmentId: string } | { agreementId: string })
  >;
  /** commitmentId: the first commitment it left, so pages and feeds of that commitment hear of it. */
  'evidence.archived': Change<
    'Evidence',
    { version: number; commitmentIds: string[]; agreementIds: string[] },
    { title: string; url: string | null; version: number; archived: true; commitmentId: string | null }
  >;
  'indicator.created': Change<'Indicator', None, { name: string; unit: string; commitmentId: string }>;
  'indicator.observation_recorded': Change<
    'Indicator',
    { value: number; asOf: string } | None,
    { value: number; asOf: string; observationId: string; evidenceId: string | null }
  >;
  'indicator.observation_revised': Change<
    'Indicator',
    { value: number; asOf: string },
    { value: number; asOf: string; observationId: string; evidenceId: string | null }
  >;
  'comment.added': Change<'Comment', None, CommentOn & { body: string; mentionedUserIds: string[]; notifiedUserIds: string[] }>;
  'comment.edited': Change<
    'Comment',
    { body: string; mentionedUserIds: string[] },
    CommentOn & { body: string; mentionedUserIds: string[]; notifiedUserIds: string[] }
  >;
  'comment.deleted': Change<'Comment', { body: string; mentionedUserIds: string[] }, CommentOn & { deleted: true }>;
  'workspace.created': Change<'Workspace', None, { name: string }>;
  'workspace.renamed': Change<'Workspace', { name: string }, { name: string }>;
  'workspace.example_loaded': Change<'Workspace', None, { example: string; [count: string]: unknown }>;
  'workspace.reminders_changed': Change<'Workspace', { daysBefore: number[] }, { daysBefore: number[] }>;
  'party.created': Change<'Party', None, { code: string; kind: string; name: string; nameEs: string }>;
  'party.updated': Change<'Party', Versioned<{ code: string; name: string; nameEs: string }>, Versioned<{ code: string; name: string; nameEs: string }>>;
  'party.archived': Change<'Party', Archival<{ code: string }>, Archival<{ code: string }>>;
  'party.restored': Change<'Party', Archival<{ code: string }>, Archival<{ code: string }>>;
  'organization.created': Change<'Organization', None, { acronym: string; name: string; partyId: string }>;
  'organization.updated': Change<'Organization', Versioned<{ acronym: string; name: string; partyId: string }>, Versioned<{ acronym: string; name: string; partyId: string }>>;
  'organization.archived': Change<'Organization', Archival<{ acronym: string }>, Archival<{ acronym: string }>>;
  'organization.restored': Change<'Organization', Archival<{ acronym: string }>, Archival<{ acronym: string }>>;
  'person.created': Change<'Person', None, { name: string; title: string | null; organizationId: string | null }>;
  'person.updated': Change<'Person', Versioned<{ name: string; title: string | null; organizationId: string | null }>, Versioned<{ name: string; title: string | null; organizationId: string | null }>>;
  'person.archived': Change<'Person', Archival<{ name: string }>, Archival<{ name: string }>>;
  'person.restored': Change<'Person', Archival<{ name: string }>, Archival<{ name: string }>>;
  'theme.created': Change<'Theme', None, { slug: string; name: string; nameEs: string }>;
  'theme.updated': Change<'Theme', Versioned<{ slug: string; name: string; nameEs: string }>, Versioned<{ slug: string; name: string; nameEs: string }>>;
  'theme.archived': Change<'Theme', Archival<{ slug: string }>, Archival<{ slug: string }>>;
  'theme.restored': Change<'Theme', Archival<{ slug: string }>, Archival<{ slug: string }>>;
  'member.joined': Change<'User', None, { role: string; invitationId: string }>;
  'member.role_changed': Change<'User', { role: string }, { role: string }>;
  'member.removed': Change<'User', { role: string }, None>;
  'member.invited': Change<'Invitation', None, { email: string; role: string }>;
  'member.invitation_revoked': Change<'Invitation', None, None>;
  'api_key.created': Change<'ApiKey', None, { name: string; scope: string; prefix: string }>;
  'api_key.revoked': Change<'ApiKey', None, None>;
  'digest_recipient.added': Change<'DigestSubscription', None, { email: string; [field: string]: unknown }>;
  'digest_recipient.confirmed': Change<'DigestSubscription', { email: string; confirmed: false }, { email: string; confirmed: true }>;
  'digest_recipient.removed': Change<'DigestSubscription', { email: string; confirmed: boolean }, None>;
  'digest_subscription.updated': Change<'DigestSubscription', Schedule & { userId: string }, Schedule & { userId: string }>;
  'digest_subscription.unsubscribed': Change<
    'DigestSubscription',
    { unsubscribed: false } & ({ userId: string } | { email: string }),
    { unsubscribed: true } & ({ userId: string } | { email: string })
  >;
  /** The watched subject: COMMITMENT, AGREEMENT, PARTY, THEME or VIEW (a saved filter) and its id. */
  'watch.added': Change<'Watch', None, { userId: string; subjectType: string; subjectId: string }>;
  'watch.removed': Change<'Watch', { userId: string; subjectType: string; subjectId: string }, None>;
  'saved_view.created': Change<'SavedView', None, Described>;
  'saved_view.updated': Change<'SavedView', Described, Described>;
  'saved_view.deleted': Change<'SavedView', Described, None>;
  'webhook_endpoint.created': Change<'WebhookEndpoint', None, Described>;
  'webhook_endpoint.updated': Change<'WebhookEndpoint', Described, Described>;
  'webhook_endpoint.deleted': Change<'WebhookEndpoint', Described, None>;
  'webhook_endpoint.disabled': Change<'WebhookEndpoint', None, { enabled: false; reason: string }>;
}

/** `before`/`after` typed as None may be left out. */
type Written<C> = C extends Change<infer S, infer B, infer A>
  ? { subjectType: S; subjectId: string } & (null extends B ? { before?: B } : { before: B }) & (null extends A ? { after?: A } : { after: A })
  : never;

/** One change, as a service records it: a discriminated union keyed by `verb`. */
export type ChangeKind = { [V in ActivityVerb]: { verb: V } & Written<ChangeCatalogue[V]> }[ActivityVerb];

/** The change of one verb: `ChangeOf<'commitment.status_changed'>`. */
export type ChangeOf<V extends ActivityVerb> = Extract<ChangeKind, { verb: V }>;

// The catalogue names exactly the verbs of ACTIVITY_VERBS: a verb added there without its shape
// here (or the reverse) does not compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogueIsComplete: Exactly<keyof ChangeCatalogue, ActivityVerb> = true;
void catalogueIsComplete;

/** A change as read back from the log (any verb, JSON as stored), for the helpers below. */
export interface LoggedChange {
  verb: string;
  subjectType: string;
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The commitment and agreement a change concerns, as far as the change itself says. */
export interface ChangeConcerns {
  commitmentId: string | null;
  agreementId: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Which commitment and agreement a change concerns, from the change alone: its subject when that
 * is a commitment or agreement; for a comment or a watch, what it is on; else the `commitmentId`
 * or `agreementId` its after names (a source added to or detached from one, a new figure). What
 * the change does not say is completed where it is written (ActivityService): a figure's
 * observations concern the figure's commitment, and a change of a commitment concerns the
 * agreement that commitment is in. Migration 1765110000000 backfilled older rows the same way.
 */
export function changeConcerns(change: ChangeKind | LoggedChange): ChangeConcerns {
  const after = (change.after ?? {}) as Record<string, unknown>;
  const on = text(after.subjectId);
  const commitmentId =
    change.subjectType === 'Commitment' ? change.subjectId : after.subjectType === 'COMMITMENT' && on ? on : text(after.commitmentId);
  const agreementId =
    change.subjectType === 'Agreement' ? change.subjectId : after.subjectType === 'AGREEMENT' && on ? on : text(after.agreementId);
  return { commitmentId, agreementId };
}
