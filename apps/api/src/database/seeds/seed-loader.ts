import { DataSource, EntityManager } from 'typeorm';
import { ChangeKind, CommitmentStatus } from '@pactwatch/domain';
import { writeActivity } from '../../modules/activity/activity.writer';
import { countryByCode } from '../../modules/parties/countries';
import { SeedData, US_MEXICO_SEED } from './us-mexico-migration-talks.seed-data';

/** Inserts rows given as column → value maps; rows already there (same key) are left as they are. */
async function insertRows(manager: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((c) => (params.push(row[c]), `$${params.length}`)).join(', ')})`);
  await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
    params,
  );
}

export async function isSeeded(dataSource: DataSource, seed: SeedData = US_MEXICO_SEED): Promise<boolean> {
  const rows = await dataSource.query('SELECT 1 FROM workspaces WHERE id = $1', [seed.workspace.id]);
  return rows.length > 0;
}

export async function hasAnyWorkspace(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.query('SELECT 1 FROM workspaces LIMIT 1')).length > 0;
}

/** Loads the seed in one transaction. Idempotent: running it again adds nothing and changes nothing. */
export async function loadSeed(dataSource: DataSource, seed: SeedData = US_MEXICO_SEED): Promise<void> {
  await dataSource.transaction((m) => writeSeed(m, seed));
}

/**
 * Writes the seed with the given manager (inside its transaction). Rows already there (same key)
 * are left as they are; the seeded history goes to the activity log when the workspace has none
 * yet, or always with `history: 'always'`.
 */
export async function writeSeed(m: EntityManager, seed: SeedData, opts: { history?: 'if-empty' | 'always' } = {}): Promise<void> {
  const ws = seed.workspace.id;
  const partyId = new Map(seed.parties.map((p) => [p.code, p.id]));
  const themeId = new Map(seed.themes.map((t) => [t.slug, t.id]));
  const byCode = (code: string) => {
    const id = partyId.get(code);
    if (!id) throw new Error(`seed: unknown party ${code}`);
    return id;
  };

  await insertRows(m, 'workspaces', [{ id: ws, slug: seed.workspace.slug, name: seed.workspace.name }]);
  await insertRows(m, 'parties', seed.parties.map((p) => {
    const country = countryByCode(p.code);
    return { id: p.id, workspace_id: ws, code: p.code, kind: country ? 'COUNTRY' : 'CUSTOM', name: p.name, name_es: country?.nameEs ?? p.name };
  }));
  await insertRows(m, 'organizations', seed.organizations.map((o) => ({
    id: o.id, workspace_id: ws, party_id: byCode(o.partyCode), acronym: o.acronym, name: o.name,
  })));
  await insertRows(m, 'people', seed.people.map((p) => ({
    id: p.id, workspace_id: ws, organization_id: p.organizationId, name: p.name, title: p.title,
  })));
  await insertRows(m, 'themes', seed.themes.map((t) => ({ id: t.id, workspace_id: ws, slug: t.slug, name: t.name, name_es: t.nameEs })));
  await insertRows(m, 'evidence', seed.evidence.map((e) => ({
    id: e.id, workspace_id: ws, url: e.url, title: e.title, publisher: e.publisher, published_on: e.publishedOn,
    kind: e.kind, stance: e.stance, added_by: 'seed', created_at: '2023-12-27T18:00:00Z', updated_at: '2023-12-27T18:00:00Z',
  })));
  for (const a of seed.agreements) {
    await insertRows(m, 'agreements', [{
      id: a.id, workspace_id: ws, title: a.title, kind: a.kind, held_on: a.heldOn, signed_on: a.signedOn,
      in_force_on: a.inForceOn, place: a.place, summary: a.summary, created_at: '2023-12-27T18:00:00Z', updated_at: '2023-12-27T18:00:00Z',
    }]);
    await insertRows(m, 'agreement_parties', a.partyCodes.map((code) => ({ agreement_id: a.id, party_id: byCode(code), workspace_id: ws })));
    await insertRows(m, 'agreement_participants', a.participantIds.map((id) => ({ agreement_id: a.id, person_id: id, workspace_id: ws })));
    await insertRows(m, 'agreement_sources', a.sourceEvidenceIds.map((id) => ({ agreement_id: a.id, evidence_id: id, workspace_id: ws })));
  }
  for (const [index, c] of seed.commitments.entries()) {
    const last = c.history[c.history.length - 1];
    // Seconds apart so that "created first" is a stable order.
    const createdAt = new Date(Date.parse(c.history[0].at) + index * 1000).toISOString();
    await insertRows(m, 'commitments', [{
      id: c.id, workspace_id: ws, agreement_id: c.agreementId, title: c.title, description: c.description,
      source_quote: c.sourceQuote, owner_organization_id: c.ownerOrganizationId, owner_person_id: c.ownerPersonId,
      status: last.to, due_on: c.dueOn, priority: c.priority, version: c.history.length,
      created_at: createdAt, updated_at: last.at,
    }]);
    await insertRows(m, 'commitment_parties', c.partyCodes.map((code) => ({ commitment_id: c.id, party_id: byCode(code), workspace_id: ws })));
    await insertRows(m, 'commitment_themes', c.themeSlugs.map((slug) => ({ commitment_id: c.id, theme_id: themeId.get(slug), workspace_id: ws })));
    await insertRows(m, 'commitment_evidence', c.evidenceIds.map((id, i) => ({
      commitment_id: c.id, evidence_id: id, workspace_id: ws, created_at: new Date(Date.parse(c.history[0].at) + i * 1000).toISOString(),
    })));
    for (const [version, h] of c.history.entries()) {
      await insertRows(m, 'status_changes', [{
        id: h.id, workspace_id: ws, commitment_id: c.id, from_status: h.from, to_status: h.to, note: h.note,
        reason_code: h.reasonCode, actor: 'seed', commitment_version: version + 1, created_at: h.at,
      }]);
      await insertRows(m, 'status_change_evidence', h.evidenceIds.map((id) => ({ status_change_id: h.id, evidence_id: id, workspace_id: ws })));
    }
  }
  await insertRows(m, 'commitment_links', seed.links.map((l) => ({
    id: l.id, workspace_id: ws, from_commitment_id: l.fromCommitmentId, to_commitment_id: l.toCommitmentId, kind: l.kind,
  })));
  for (const i of seed.indicators) {
    await insertRows(m, 'indicators', [{
      id: i.id, workspace_id: ws, commitment_id: i.commitmentId, name: i.name, unit: i.unit, baseline_on: i.baselineOn, description: i.description,
    }]);
    await insertRows(m, 'observations', i.observations.map((o) => ({
      id: o.id, workspace_id: ws, indicator_id: i.id, value: o.value, as_of: o.asOf, evidence_id: o.evidenceId, note: o.note, recorded_by: 'seed',
    })));
  }
  // The activity log starts with the seeded history, once.
  const [{ n }] = await m.query('SELECT count(*)::int AS n FROM activity WHERE workspace_id = $1', [ws]);
  if (n === 0 || opts.history === 'always') {
    const events = seed.commitments
      .flatMap((c) => c.history.map((h) => ({ c, h })))
      .sort((a, b) => a.h.at.localeCompare(b.h.at));
    await writeActivity(
      m,
      { workspaceId: ws, actor: { type: 'SYSTEM', id: null, label: 'seed' } },
      events.map(({ c, h }): ChangeKind => {
        const after = { status: h.to as CommitmentStatus, note: h.note, title: c.title };
        return h.from
          ? { verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: c.id, before: { status: h.from as CommitmentStatus }, after }
          : { verb: 'commitment.created', subjectType: 'Commitment', subjectId: c.id, after };
      }),
      events.map(({ h }) => h.at),
    );
  }
}
