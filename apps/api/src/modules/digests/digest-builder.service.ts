import { Injectable } from '@nestjs/common';
import { todayIso } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { filterConditions } from '../commitments/commitments.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { DigestAgreement, DigestContent, DigestItem } from './digest-content';

const VERBS = ['commitment.status_changed', 'commitment.progress_recorded', 'evidence.added', 'indicator.observation_recorded', 'indicator.observation_revised'];
/** Comments that @mentioned someone: each reaches the digests of those it notified, whatever they watch. */
const MENTION_VERBS = ['comment.added', 'comment.edited'];
/** Assignments: each reaches the digest of the member assigned (its notifiedUserIds), and only theirs. */
const ASSIGN_VERBS = ['commitment.assigned'];
/**
 * Reminders before a due date and the overdue flag (rows of commitment_reminders, not of the
 * activity log, read under these names): each reaches the digests of those it notified, the
 * assignees and watchers of the commitment, and only theirs.
 */
const REMINDER_VERBS = ['commitment.due_soon', 'commitment.overdue'];
/** What a digest reads only for the member it notified: an assignment or a reminder. */
const PERSONAL_VERBS = [...ASSIGN_VERBS, ...REMINDER_VERBS];
/** Verbs read for those they notified (after.notifiedUserIds), not for what a digest follows. */
const NOTIFYING_VERBS = [...MENTION_VERBS, ...PERSONAL_VERBS];

const notified = (e: { notifiedUserIds: string[] | null }, userId: string | null) => !!userId && !!e.notifiedUserIds?.includes(userId);

/** What the activity rows a digest reads carry in before/after. */
interface ActivityPayload {
  status?: string;
  note?: string;
  evidenceIds?: string[];
  value?: number;
  asOf?: string;
  [key: string]: unknown;
}

/** An activity row as read. */
interface ActivityRow {
  verb: string;
  actor: string;
  at: Date;
  before: ActivityPayload | null;
  after: ActivityPayload | null;
  commitmentId: string | null;
  /** The agreement a comment is on, for comments on an agreement itself. */
  agreementId: string | null;
  subjectId: string;
}

/**
 * An activity row as a window keeps it: what digests choose by, and its item, made once at load
 * (items are never changed once made) and shared by every digest that reports it. The row's
 * before/after are not kept, and repeated strings (ids, verbs, names, statuses) are held once:
 * a window is held for a whole run, and the heap a run grows to is a multiple of what it holds.
 */
interface WindowEvent {
  verb: string;
  commitmentId: string | null;
  agreementId: string | null;
  /** Whom a comment (its @mentions), an assignment or a reminder notified; null for anything else. */
  notifiedUserIds: string[] | null;
  item: DigestItem | null;
}

interface CommitmentFacts {
  id: string;
  title: string;
  status: string;
  agreementId: string;
  agreementTitle: string;
  partyIds: string[];
  themeIds: string[];
}

/** The activity of one workspace in one window, loaded once and shared by every digest of that window. */
export interface DigestWindow {
  workspaceId: string;
  workspaceName: string;
  start: Date;
  end: Date;
  events: WindowEvent[];
  commitments: Map<string, CommitmentFacts>;
  evidence: Map<string, { title: string; url: string | null; publisher: string | null; stance: string }>;
  indicators: Map<string, { name: string; unit: string }>;
  filterMatches: Map<string, Set<string>>;
  /** Sources given with a status change in this window: listed under that change, not again. */
  statusEvidence: Set<string>;
  /** Comments of the window's mentions, as they are now (edited, or deleted: then left out). */
  comments: Map<string, { body: string; deleted: boolean }>;
  /** Agreements commented on directly. */
  agreements: Map<string, { id: string; title: string }>;
  /** Built on first use by eventsFor. */
  index?: WindowIndex;
}

/** Where each commitment's events sit in a window, and the commitments of each agreement, party and theme. */
interface WindowIndex {
  byCommitment: Map<string, number[]>;
  byAgreement: Map<string, string[]>;
  byParty: Map<string, string[]>;
  byTheme: Map<string, string[]>;
  /** Events on no commitment, and mentions: every digest looks at these. */
  always: number[];
}

function indexWindow(window: DigestWindow): WindowIndex {
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const index: WindowIndex = { byCommitment: new Map(), byAgreement: new Map(), byParty: new Map(), byTheme: new Map(), always: [] };
  window.events.forEach((e, i) => (!e.commitmentId || NOTIFYING_VERBS.includes(e.verb) ? index.always.push(i) : add(index.byCommitment, e.commitmentId, i)));
  for (const c of window.commitments.values()) {
    add(index.byAgreement, c.agreementId, c.id);
    for (const p of c.partyIds) add(index.byParty, p, c.id);
    for (const t of c.themeIds) add(index.byTheme, t, c.id);
  }
  return index;
}

/** Which count each kind of item adds to. */
const COUNTED: Record<DigestItem['kind'], keyof DigestContent['counts']> = {
  STATUS: 'statusChanges', PROGRESS: 'progressNotes', SOURCE: 'newSources', FIGURE: 'figuresMoved', MENTION: 'mentions', ASSIGNED: 'assignments',
  DUE_SOON: 'reminders', OVERDUE: 'reminders',
};

/** What a subscriber follows. `everything` is an outside recipient without a filter. */
export interface DigestScope {
  commitmentIds: Set<string>;
  agreementIds: Set<string>;
  partyIds: Set<string>;
  themeIds: Set<string>;
  filters: Record<string, unknown>[];
  everything: boolean;
  /**
   * The member it is for (their @mentions are in it); null for an outside recipient, whose digest
   * leaves out comments and mentions and links nothing that needs a sign-in.
   */
  userId: string | null;
}

@Injectable()
export class DigestBuilderService {
  constructor(private readonly dataSource: DataSource) {}

  async loadWindow(workspaceId: string, start: Date, end: Date): Promise<DigestWindow> {
    const [workspace] = await this.dataSource.query('SELECT name FROM workspaces WHERE id = $1', [workspaceId]);
    const logged: ActivityRow[] = await this.dataSource.query(
      `SELECT a.verb, a.actor_label AS actor, a.created_at AS at, a.before, a.after, a.subject_id AS "subjectId",
              a.commitment_id AS "commitmentId",
              -- agreementId is for rows on an agreement itself (a comment on it): a commitment's rows go under their commitment.
              CASE WHEN a.commitment_id IS NULL THEN a.agreement_id END AS "agreementId"
       FROM activity a
       WHERE a.workspace_id = $1 AND a.created_at >= $2 AND a.created_at < $3
         AND (a.verb = ANY($4) OR (a.verb = ANY($5) AND jsonb_array_length(COALESCE(a.after->'notifiedUserIds', '[]')) > 0))
       ORDER BY a.id`,
      [workspaceId, start, end, VERBS, NOTIFYING_VERBS],
    );
    const reminders: ActivityRow[] = await this.dataSource.query(
      `SELECT CASE r.kind WHEN 'DUE_SOON' THEN $4 ELSE $5 END AS verb, 'system' AS actor, r.created_at AS at, NULL AS before,
              jsonb_build_object('notifiedUserIds', to_jsonb(r.notified_user_ids), 'dueOn', r.due_on::text) AS after,
              r.id AS "subjectId", r.commitment_id AS "commitmentId", NULL::uuid AS "agreementId"
       FROM commitment_reminders r
       WHERE r.workspace_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND cardinality(r.notified_user_ids) > 0
       ORDER BY r.created_at, r.id`,
      [workspaceId, start, end, ...REMINDER_VERBS],
    );
    const events = [...logged, ...reminders];
    const mentions = events.filter((e) => MENTION_VERBS.includes(e.verb));
    const commentIds = [...new Set(mentions.map((e) => e.subjectId))];
    const agreementIds = [...new Set(mentions.map((e) => e.agreementId).filter((id): id is string => !!id))];
    const commitmentIds = [...new Set(events.map((e) => e.commitmentId).filter((id): id is string => !!id))];
    const evidenceIds = [...new Set(events.flatMap((e) => (e.verb === 'commitment.status_changed' || e.verb === 'commitment.progress_recorded' ? (e.after?.evidenceIds ?? []) : e.verb === 'evidence.added' ? [e.subjectId] : [])))];
    const indicatorIds = [...new Set(events.filter((e) => e.verb.startsWith('indicator.')).map((e) => e.subjectId))];
    const [commitments, evidence, indicators, comments, agreements] = await Promise.all([
      commitmentIds.length
        ? this.dataSource.query(
            `SELECT c.id, c.title, c.status, c.agreement_id AS "agreementId", a.title AS "agreementTitle",
                    ARRAY(SELECT party_id FROM commitment_parties WHERE commitment_id = c.id) AS "partyIds",
                    ARRAY(SELECT theme_id FROM commitment_themes WHERE commitment_id = c.id) AS "themeIds"
             FROM commitments c JOIN agreements a ON a.id = c.agreement_id
             WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[]) AND c.archived_at IS NULL AND a.archived_at IS NULL`,
            [workspaceId, commitmentIds],
          )
        : [],
      evidenceIds.length
        ? this.dataSource.query('SELECT id, title, url, publisher, stance FROM evidence WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, evidenceIds])
        : [],
      indicatorIds.length ? this.dataSource.query('SELECT id, name, unit FROM indicators WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, indicatorIds]) : [],
      commentIds.length
        ? this.dataSource.query('SELECT id, body, deleted_at IS NOT NULL AS deleted FROM comments WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, commentIds])
        : [],
      agreementIds.length ? this.dataSource.query('SELECT id, title FROM agreements WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, agreementIds]) : [],
    ]);
    const window: DigestWindow = {
      workspaceId,
      workspaceName: workspace?.name ?? '',
      start,
      end,
      events: [],
      commitments: new Map((commitments as CommitmentFacts[]).map((c) => [c.id, c])),
      evidence: new Map((evidence as { id: string; title: string; url: string | null; publisher: string | null; stance: string }[]).map((e) => [e.id, e])),
      indicators: new Map((indicators as { id: string; name: string; unit: string }[]).map((i) => [i.id, i])),
      filterMatches: new Map(),
      statusEvidence: new Set(events.filter((e) => e.verb === 'commitment.status_changed' || e.verb === 'commitment.progress_recorded').flatMap((e) => (e.after?.evidenceIds ?? []) as string[])),
      comments: new Map((comments as { id: string; body: string; deleted: boolean }[]).map((c) => [c.id, c])),
      agreements: new Map((agreements as { id: string; title: string }[]).map((a) => [a.id, a])),
    };
    const held = new Map<string, string>();
    const once = <T extends string | null | undefined>(value: T): T => {
      if (typeof value !== 'string') return value;
      const kept = held.get(value);
      if (kept !== undefined) return kept as T;
      held.set(value, value);
      return value;
    };
    window.events = events.map((e) => ({
      verb: once(e.verb),
      commitmentId: once(e.commitmentId),
      agreementId: once(e.agreementId),
      notifiedUserIds: NOTIFYING_VERBS.includes(e.verb) ? ((e.after?.notifiedUserIds ?? []) as string[]) : null,
      item: this.item(window, e, once),
    }));
    return window;
  }

  /** The commitments of the window a saved filter matches, asked once per distinct filter and window. */
  private async matching(window: DigestWindow, filter: Record<string, unknown>, userId: string | null): Promise<Set<string>> {
    // assignedToMe means the digest's member, so such a filter is asked once per member.
    const me = filter.assignedToMe ? userId : null;
    const key = me ? `${me}:${JSON.stringify(filter)}` : JSON.stringify(filter);
    let ids = window.filterMatches.get(key);
    if (!ids) {
      const params: unknown[] = [window.workspaceId, [...window.commitments.keys()]];
      const where = ['c.workspace_id = $1', 'c.id = ANY($2::uuid[])', ...filterConditions(filter as CommitmentFilter, params, todayIso(), me)];
      const rows: { id: string }[] = window.commitments.size
        ? await this.dataSource.query(`SELECT c.id FROM commitments c WHERE ${where.join(' AND ')}`, params)
        : [];
      ids = new Set(rows.map((r) => r.id));
      window.filterMatches.set(key, ids);
    }
    return ids;
  }

  /**
   * The window's events that can concern this scope, in log order. Walking every event of the
   * window for each digest made a run cost subscribers × events; through an index built once per
   * window, a digest visits only the events of the commitments it follows (and the mentions).
   */
  private eventsFor(window: DigestWindow, scope: DigestScope, filtered: Set<string>): WindowEvent[] {
    if (scope.everything) return window.events;
    const index = (window.index ??= indexWindow(window));
    const followed = new Set<string>([...scope.commitmentIds, ...filtered]);
    const groups: [Set<string>, Map<string, string[]>][] = [
      [scope.agreementIds, index.byAgreement],
      [scope.partyIds, index.byParty],
      [scope.themeIds, index.byTheme],
    ];
    for (const [ids, commitmentsOf] of groups) for (const id of ids) for (const c of commitmentsOf.get(id) ?? []) followed.add(c);
    const positions = [...index.always];
    for (const id of followed) for (const i of index.byCommitment.get(id) ?? []) positions.push(i);
    return positions.sort((a, b) => a - b).map((i) => window.events[i]);
  }

  async content(window: DigestWindow, scope: DigestScope): Promise<DigestContent> {
    const filtered = new Set<string>();
    for (const filter of scope.filters) for (const id of await this.matching(window, filter, scope.userId)) filtered.add(id);
    const follows = (c: CommitmentFacts) =>
      scope.everything ||
      scope.commitmentIds.has(c.id) ||
      scope.agreementIds.has(c.agreementId) ||
      c.partyIds.some((p) => scope.partyIds.has(p)) ||
      c.themeIds.some((t) => scope.themeIds.has(t)) ||
      filtered.has(c.id);

    const agreements = new Map<string, DigestAgreement>();
    const counts = { statusChanges: 0, progressNotes: 0, newSources: 0, figuresMoved: 0, mentions: 0, assignments: 0, reminders: 0 };
    const agreementOf = (id: string, title: string) => {
      let agreement = agreements.get(id);
      if (!agreement) agreements.set(id, (agreement = { id, title, commitments: [] }));
      return agreement;
    };
    const outside = scope.userId === null;
    for (const event of this.eventsFor(window, scope, filtered)) {
      // An assignment or a reminder is for the members it notified, whether or not they still follow the commitment.
      if (PERSONAL_VERBS.includes(event.verb) && (outside || !notified(event, scope.userId))) continue;
      if (MENTION_VERBS.includes(event.verb)) {
        // Comments are internal discussion: an outside recipient gets none, whatever their filter.
        if (outside) continue;
        // Mentions reach the member mentioned, whether or not they follow what the comment is on.
        const item = scope.userId && event.notifiedUserIds?.includes(scope.userId) ? event.item : null;
        const onAgreement = event.agreementId ? window.agreements.get(event.agreementId) : undefined;
        if (!item || (!event.commitmentId && !onAgreement)) continue;
        if (onAgreement) {
          const agreement = agreementOf(onAgreement.id, onAgreement.title);
          (agreement.items ??= []).push(item);
          counts.mentions += 1;
          continue;
        }
      }
      const c = event.commitmentId ? window.commitments.get(event.commitmentId) : undefined;
      if (!c || (!NOTIFYING_VERBS.includes(event.verb) && !follows(c))) continue;
      const item = event.item;
      if (!item) continue;
      counts[COUNTED[item.kind]] += 1;
      const agreement = agreementOf(c.agreementId, c.agreementTitle);
      let commitment = agreement.commitments.find((x) => x.id === c.id);
      if (!commitment) agreement.commitments.push((commitment = { id: c.id, title: c.title, status: c.status, items: [] }));
      commitment.items.push(item);
    }
    // Items stay in log order here: the renderer puts them in the order things happened, by the
    // days of the recipient's time zone (inHistoryOrder).
    return { audience: outside ? 'OUTSIDE' : 'MEMBER', workspaceName: window.workspaceName, windowStart: window.start, windowEnd: window.end, agreements: [...agreements.values()], counts };
  }

  /** A comment that mentioned the recipient, with its text as it is now; none once deleted. */
  private mention(window: DigestWindow, e: ActivityRow, once: <T extends string | null | undefined>(value: T) => T): DigestItem | null {
    const comment = window.comments.get(e.subjectId);
    if (!comment || comment.deleted) return null;
    return { kind: 'MENTION', at: e.at, actor: once(e.actor), mention: { text: comment.body } };
  }

  /** What a digest says of one activity row (the same for every digest that reports it). */
  private item(window: DigestWindow, e: ActivityRow, once: <T extends string | null | undefined>(value: T) => T): DigestItem | null {
    if (MENTION_VERBS.includes(e.verb)) return this.mention(window, e, once);
    if (ASSIGN_VERBS.includes(e.verb)) return { kind: 'ASSIGNED', at: e.at, actor: once(e.actor) };
    if (REMINDER_VERBS.includes(e.verb)) return { kind: e.verb === REMINDER_VERBS[0] ? 'DUE_SOON' : 'OVERDUE', at: e.at, actor: once(e.actor), dueOn: once(String(e.after?.dueOn ?? '')) };
    if (e.verb === 'commitment.status_changed' || e.verb === 'commitment.progress_recorded') {
      const progress = e.verb === 'commitment.progress_recorded';
      return {
        kind: progress ? 'PROGRESS' : 'STATUS',
        at: e.at,
        actor: once(e.actor),
        occurredOn: typeof e.after?.occurredOn === 'string' ? once(e.after.occurredOn) : null,
        from: progress ? null : once(e.before?.status ?? null),
        to: once(e.after?.status),
        reasonCode: typeof e.after?.reasonCode === 'string' ? once(e.after.reasonCode) : null,
        note: e.after?.note ?? '',
        evidence: ((e.after?.evidenceIds ?? []) as string[])
          .map((id) => window.evidence.get(id))
          .filter((x): x is NonNullable<typeof x> => !!x)
          .map((x) => ({ title: x.title, url: x.url, stance: x.stance })),
      };
    }
    if (e.verb === 'evidence.added') {
      const source = window.evidence.get(e.subjectId);
      if (!source || window.statusEvidence.has(e.subjectId)) return null;
      return { kind: 'SOURCE', at: e.at, actor: once(e.actor), source: { title: source.title, url: source.url, publisher: source.publisher, stance: source.stance } };
    }
    const indicator = window.indicators.get(e.subjectId);
    if (!indicator) return null;
    return {
      kind: 'FIGURE',
      at: e.at,
      actor: once(e.actor),
      figure: { name: indicator.name, unit: indicator.unit, from: e.before?.value ?? null, to: Number(e.after?.value), asOf: String(e.after?.asOf ?? '') },
    };
  }

  /** The watches of many members of a workspace as scopes, in one statement. */
  async memberScopes(workspaceId: string, userIds: string[]): Promise<Map<string, DigestScope>> {
    const rows: { userId: string; subjectType: string; subjectId: string | null; filter: Record<string, unknown> | null }[] = await this.dataSource.query(
      `SELECT w.user_id AS "userId", w.subject_type AS "subjectType", w.subject_id AS "subjectId", v.filter
       FROM watches w LEFT JOIN saved_views v ON w.subject_type = 'VIEW' AND v.id = w.subject_id
       WHERE w.workspace_id = $1 AND w.user_id = ANY($2::uuid[])`,
      [workspaceId, userIds],
    );
    return new Map(userIds.map((id) => [id, scopeOf(rows.filter((r) => r.userId === id), false, id)]));
  }
}

export function scopeOf(
  rows: { subjectType: string; subjectId: string | null; filter: Record<string, unknown> | null }[],
  everything: boolean,
  userId: string | null = null,
): DigestScope {
  const of = (type: string) => new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId as string));
  return {
    commitmentIds: of('COMMITMENT'),
    agreementIds: of('AGREEMENT'),
    partyIds: of('PARTY'),
    themeIds: of('THEME'),
    filters: rows.filter((r) => r.subjectType === 'VIEW' && r.filter).map((r) => r.filter as Record<string, unknown>),
    everything,
    userId,
  };
}
