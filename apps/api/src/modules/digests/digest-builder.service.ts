import { Injectable } from '@nestjs/common';
import { todayIso } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { filterConditions } from '../commitments/commitments.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { DigestAgreement, DigestContent, DigestItem } from './digest-content';

const VERBS = ['commitment.status_changed', 'evidence.added', 'indicator.observation_recorded', 'indicator.observation_revised'];

interface WindowEvent {
  id: string;
  verb: string;
  actor: string;
  at: Date;
  before: Record<string, any> | null;
  after: Record<string, any> | null;
  commitmentId: string | null;
  subjectId: string;
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
  evidence: Map<string, { title: string; url: string | null; publisher: string | null }>;
  indicators: Map<string, { name: string; unit: string }>;
  filterMatches: Map<string, Set<string>>;
  /** Sources given with a status change in this window: listed under that change, not again. */
  statusEvidence: Set<string>;
}

/** What a subscriber follows. `everything` is an outside recipient without a filter. */
export interface DigestScope {
  commitmentIds: Set<string>;
  agreementIds: Set<string>;
  partyIds: Set<string>;
  themeIds: Set<string>;
  filters: Record<string, unknown>[];
  everything: boolean;
}

@Injectable()
export class DigestBuilderService {
  constructor(private readonly dataSource: DataSource) {}

  async loadWindow(workspaceId: string, start: Date, end: Date): Promise<DigestWindow> {
    const [workspace] = await this.dataSource.query('SELECT name FROM workspaces WHERE id = $1', [workspaceId]);
    const events: WindowEvent[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.verb, a.actor_label AS actor, a.created_at AS at, a.before, a.after, a.subject_id AS "subjectId",
              COALESCE(CASE WHEN a.subject_type = 'Commitment' THEN a.subject_id END, (a.after->>'commitmentId')::uuid, i.commitment_id) AS "commitmentId"
       FROM activity a LEFT JOIN indicators i ON a.subject_type = 'Indicator' AND i.id = a.subject_id
       WHERE a.workspace_id = $1 AND a.created_at >= $2 AND a.created_at < $3 AND a.verb = ANY($4)
       ORDER BY a.id`,
      [workspaceId, start, end, VERBS],
    );
    const commitmentIds = [...new Set(events.map((e) => e.commitmentId).filter((id): id is string => !!id))];
    const evidenceIds = [...new Set(events.flatMap((e) => (e.verb === 'commitment.status_changed' ? (e.after?.evidenceIds ?? []) : e.verb === 'evidence.added' ? [e.subjectId] : [])))];
    const indicatorIds = [...new Set(events.filter((e) => e.verb.startsWith('indicator.')).map((e) => e.subjectId))];
    const [commitments, evidence, indicators] = await Promise.all([
      commitmentIds.length
        ? this.dataSource.query(
            `SELECT c.id, c.title, c.status, c.agreement_id AS "agreementId", a.title AS "agreementTitle",
                    ARRAY(SELECT party_id FROM commitment_parties WHERE commitment_id = c.id) AS "partyIds",
                    ARRAY(SELECT theme_id FROM commitment_themes WHERE commitment_id = c.id) AS "themeIds"
             FROM commitments c JOIN agreements a ON a.id = c.agreement_id WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
            [workspaceId, commitmentIds],
          )
        : [],
      evidenceIds.length
        ? this.dataSource.query('SELECT id, title, url, publisher FROM evidence WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, evidenceIds])
        : [],
      indicatorIds.length ? this.dataSource.query('SELECT id, name, unit FROM indicators WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, indicatorIds]) : [],
    ]);
    return {
      workspaceId,
      workspaceName: workspace?.name ?? '',
      start,
      end,
      events,
      commitments: new Map((commitments as CommitmentFacts[]).map((c) => [c.id, c])),
      evidence: new Map((evidence as { id: string; title: string; url: string | null; publisher: string | null }[]).map((e) => [e.id, e])),
      indicators: new Map((indicators as { id: string; name: string; unit: string }[]).map((i) => [i.id, i])),
      filterMatches: new Map(),
      statusEvidence: new Set(events.filter((e) => e.verb === 'commitment.status_changed').flatMap((e) => (e.after?.evidenceIds ?? []) as string[])),
    };
  }

  /** The commitments of the window a saved filter matches, asked once per distinct filter and window. */
  private async matching(window: DigestWindow, filter: Record<string, unknown>): Promise<Set<string>> {
    const key = JSON.stringify(filter);
    let ids = window.filterMatches.get(key);
    if (!ids) {
      const params: unknown[] = [window.workspaceId, [...window.commitments.keys()]];
      const where = ['c.workspace_id = $1', 'c.id = ANY($2::uuid[])', ...filterConditions(filter as CommitmentFilter, params, todayIso())];
      const rows: { id: string }[] = window.commitments.size
        ? await this.dataSource.query(`SELECT c.id FROM commitments c WHERE ${where.join(' AND ')}`, params)
        : [];
      ids = new Set(rows.map((r) => r.id));
      window.filterMatches.set(key, ids);
    }
    return ids;
  }

  async content(window: DigestWindow, scope: DigestScope): Promise<DigestContent> {
    const filtered = new Set<string>();
    for (const filter of scope.filters) for (const id of await this.matching(window, filter)) filtered.add(id);
    const follows = (c: CommitmentFacts) =>
      scope.everything ||
      scope.commitmentIds.has(c.id) ||
      scope.agreementIds.has(c.agreementId) ||
      c.partyIds.some((p) => scope.partyIds.has(p)) ||
      c.themeIds.some((t) => scope.themeIds.has(t)) ||
      filtered.has(c.id);

    const agreements = new Map<string, DigestAgreement>();
    const counts = { statusChanges: 0, newSources: 0, figuresMoved: 0 };
    for (const event of window.events) {
      const c = event.commitmentId ? window.commitments.get(event.commitmentId) : undefined;
      if (!c || !follows(c)) continue;
      const item = this.item(window, event);
      if (!item) continue;
      counts[item.kind === 'STATUS' ? 'statusChanges' : item.kind === 'SOURCE' ? 'newSources' : 'figuresMoved'] += 1;
      let agreement = agreements.get(c.agreementId);
      if (!agreement) agreements.set(c.agreementId, (agreement = { id: c.agreementId, title: c.agreementTitle, commitments: [] }));
      let commitment = agreement.commitments.find((x) => x.id === c.id);
      if (!commitment) agreement.commitments.push((commitment = { id: c.id, title: c.title, status: c.status, items: [] }));
      commitment.items.push(item);
    }
    return { workspaceName: window.workspaceName, windowStart: window.start, windowEnd: window.end, agreements: [...agreements.values()], counts };
  }

  private item(window: DigestWindow, e: WindowEvent): DigestItem | null {
    if (e.verb === 'commitment.status_changed') {
      return {
        kind: 'STATUS',
        at: e.at,
        actor: e.actor,
        from: e.before?.status ?? null,
        to: e.after?.status,
        note: e.after?.note ?? '',
        evidence: ((e.after?.evidenceIds ?? []) as string[]).map((id) => window.evidence.get(id)).filter((x) => !!x).map((x) => ({ title: x!.title, url: x!.url })),
      };
    }
    if (e.verb === 'evidence.added') {
      const source = window.evidence.get(e.subjectId);
      if (!source || window.statusEvidence.has(e.subjectId)) return null;
      return { kind: 'SOURCE', at: e.at, actor: e.actor, source };
    }
    const indicator = window.indicators.get(e.subjectId);
    if (!indicator) return null;
    return {
      kind: 'FIGURE',
      at: e.at,
      actor: e.actor,
      figure: { name: indicator.name, unit: indicator.unit, from: e.before?.value ?? null, to: Number(e.after?.value), asOf: String(e.after?.asOf ?? '') },
    };
  }

  /** The watches of many members of a workspace as scopes, in one statement. */
  async memberScopes(workspaceId: string, userIds: string[]): Promise<Map<string, DigestScope>> {
    const rows: { userId: string; subjectType: string; subjectId: string | null; filter: Record<string, unknown> | null }[] = await this.dataSource.query(
      'SELECT user_id AS "userId", subject_type AS "subjectType", subject_id AS "subjectId", filter FROM watches WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])',
      [workspaceId, userIds],
    );
    return new Map(userIds.map((id) => [id, scopeOf(rows.filter((r) => r.userId === id), false)]));
  }
}

export function scopeOf(rows: { subjectType: string; subjectId: string | null; filter: Record<string, unknown> | null }[], everything: boolean): DigestScope {
  const of = (type: string) => new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId as string));
  return {
    commitmentIds: of('COMMITMENT'),
    agreementIds: of('AGREEMENT'),
    partyIds: of('PARTY'),
    themeIds: of('THEME'),
    filters: rows.filter((r) => r.subjectType === 'FILTER' && r.filter).map((r) => r.filter as Record<string, unknown>),
    everything,
  };
}
