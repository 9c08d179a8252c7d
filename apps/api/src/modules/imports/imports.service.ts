import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  checkText, CommitmentPriority, CommitmentStatus, DESCRIPTION_MAX_LENGTH, DomainError, isCsvFormula, isIsoDate, QUOTE_MAX_LENGTH, restoreCsvCell, TITLE_MAX_LENGTH,
} from '@pactwatch/domain';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { ActivityService } from '../activity/activity.service';
import { COMMITMENT_EXPORT_COLUMNS } from '../exports/exports.service';

/** Files above this size are refused before they are read. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Files with more rows than this are refused. */
export const IMPORT_MAX_ROWS = 20_000;
/** Reported per file, at most: past it the report says how many more there were. */
const MAX_REPORTED_ERRORS = 500;
const REFERENCE_MAX_LENGTH = 200;
/** New commitments written per statement. */
const WRITE_BATCH = 1000;
const AGREEMENT_KINDS = ['MEETING', 'DIALOGUE', 'JOINT_STATEMENT', 'MOU', 'TREATY'];

/** Columns read from a file; every other column of the export is accepted and left aside (status, history, derived values). */
const READ_COLUMNS = ['reference', 'id', 'agreement', 'agreementKind', 'title', 'description', 'sourceQuote', 'priority', 'dueOn', 'parties', 'themes', 'ownerOrganization'];
const KNOWN_COLUMNS = new Set<string>([...COMMITMENT_EXPORT_COLUMNS, ...READ_COLUMNS]);
export const IGNORED_COLUMNS = COMMITMENT_EXPORT_COLUMNS.filter((c) => !READ_COLUMNS.includes(c));

export interface ImportError {
  /** The line of the file the row starts on (the header is line 1). */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** Whether the file was written (never for a dry run, never with errors). */
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  agreementsCreated: number;
  ignoredColumns: string[];
  errors: ImportError[];
  /** Errors beyond those listed. */
  moreErrors: number;
}

interface Row {
  line: number;
  reference: string | null;
  matchId: string | null;
  agreementTitle: string;
  agreementKind: string;
  title: string;
  description: string;
  sourceQuote: string;
  priority: string;
  dueOn: string | null;
  parties: string[];
  themes: string[];
  ownerAcronym: string | null;
}

interface Existing {
  id: string;
  ref: string | null;
  agreementId: string;
  title: string;
  description: string;
  sourceQuote: string;
  priority: string;
  dueOn: string | null;
  ownerOrganizationId: string | null;
  archived: boolean;
  parties: string[];
  themes: string[];
  version: number;
}

/** A file-level refusal: nothing of the file was looked at row by row. */
const fileError = (message: string) => DomainError.badInput([{ field: 'file', message }]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Commitments (and the agreements they name) from a CSV file whose columns are those of the
 * export. A dry run checks every row with the rules of createCommitment/updateCommitment and
 * writes nothing; a real run checks the same inside one transaction and writes all rows, with
 * their activity, or none. A row names the commitment it updates by `id` (of this workspace) or
 * by `reference`; a row with neither matching creates one, keeping `reference` (or, for a file
 * exported from another workspace, its `id`) so that the same file imported again updates.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  async importCommitments(caller: Caller, file: Buffer, dryRun: boolean): Promise<ImportReport> {
    const rows = this.parse(file);
    if (dryRun) return this.run(this.dataSource.manager, caller, rows, true);
    try {
      return await this.dataSource.transaction(async (m) => {
        // One import at a time per workspace: two would each find a reference new and both create it.
        await m.query('SELECT pg_advisory_xact_lock(1765040, hashtext($1))', [caller.workspaceId]);
        const report = await this.run(m, caller, rows, false);
        if (report.errors.length) throw new RejectedImport(report);
        return report;
      });
    } catch (err) {
      if (err instanceof RejectedImport) return err.report;
      throw err;
    }
  }

  /** The file as rows of text, refusing what is not a CSV file the export could have written. */
  private parse(file: Buffer): { line: number; cells: Record<string, string> }[] {
    if (file.length === 0) throw fileError('The file is empty');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw fileError('The file is not UTF-8 text: save it as “CSV UTF-8”');
    }
    if (text.includes('\u0000')) throw fileError('The file holds NUL characters: it is not a CSV text file');
    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true, info: true, max_record_size: 256 * 1024, to: IMPORT_MAX_ROWS + 2 }) as unknown as typeof records;
    } catch (err) {
      const e = err as { message?: string; lines?: number };
      throw fileError(`The file is not valid CSV${e.lines ? ` (line ${e.lines})` : ''}: ${String(e.message ?? '').replace(/^Invalid[^:]*:\s*/, '')}`);
    }
    if (!records.length) throw fileError('The file has no header row');
    if (records.length - 1 > IMPORT_MAX_ROWS) throw fileError(`The file has more than ${IMPORT_MAX_ROWS} rows: split it`);
    const header = records[0].record.map((h) => h.trim());
    const unknown = header.filter((h) => !KNOWN_COLUMNS.has(h));
    if (unknown.length) throw fileError(`Unknown column ${unknown.map((u) => `“${u.slice(0, 40)}”`).join(', ')}: the columns are those of the export`);
    const doubled = header.filter((h, i) => header.indexOf(h) !== i);
    if (doubled.length) throw fileError(`Column ${doubled[0]} appears twice`);
    for (const required of ['title', 'parties', 'agreement']) {
      if (!header.includes(required)) throw fileError(`The column ${required} is missing`);
    }
    // The line a record starts on: info.lines is where it ends, and a quoted cell may span lines.
    let next = (records[0].info.lines ?? 1) + 1;
    return records.slice(1).map(({ record, info }) => {
      const line = next;
      next = info.lines + 1;
      return { line, cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])) };
    });
  }

  private async run(m: EntityManager, caller: Caller, raw: { line: number; cells: Record<string, string> }[], dryRun: boolean): Promise<ImportReport> {
    const ws = caller.workspaceId;
    const errors: ImportError[] = [];
    const fail = (row: number, column: string | null, message: string) => errors.push({ row, column, message });

    const parties = new Map<string, boolean>(
      (await m.query('SELECT code, archived_at IS NOT NULL AS archived FROM parties WHERE workspace_id = $1', [ws])).map((r: { code: string; archived: boolean }) => [r.code, r.archived]),
    );
    const themes = new Map<string, { id: string; archived: boolean }>(
      (await m.query('SELECT slug, id, archived_at IS NOT NULL AS archived FROM themes WHERE workspace_id = $1', [ws])).map((r: { slug: string; id: string; archived: boolean }) => [r.slug, r]),
    );
    const orgs = new Map<string, { id: string; archived: boolean }>(
      (await m.query('SELECT acronym, id, archived_at IS NOT NULL AS archived FROM organizations WHERE workspace_id = $1', [ws])).map((r: { acronym: string; id: string; archived: boolean }) => [r.acronym, r]),
    );
    const agreementRows: { id: string; title: string; parties: string[] }[] = await m.query(
      `SELECT a.id, a.title, COALESCE(array_agg(p.code) FILTER (WHERE p.code IS NOT NULL), '{}') AS parties
       FROM agreements a LEFT JOIN agreement_parties ap ON ap.agreement_id = a.id LEFT JOIN parties p ON p.id = ap.party_id
       WHERE a.workspace_id = $1 AND a.archived_at IS NULL GROUP BY a.id, a.title ORDER BY a.created_at, a.id`,
      [ws],
    );
    const agreements = new Map<string, { id: string; parties: Set<string> }>();
    const agreementsById = new Map<string, { id: string; parties: Set<string>; title: string }>();
    for (const a of agreementRows) {
      if (!agreements.has(a.title)) agreements.set(a.title, { id: a.id, parties: new Set(a.parties) });
      agreementsById.set(a.id, { id: a.id, parties: new Set(a.parties), title: a.title });
    }

    // Text cells: formulas refused, the export's neutralising quote taken off.
    const rows: Row[] = [];
    for (const { line, cells } of raw) {
      const text = (column: string): string => {
        const value = cells[column] ?? '';
        if (isCsvFormula(value)) {
          fail(line, column, `${column} starts like a spreadsheet formula (=, +, -, @): put a ' in front to keep it as text`);
          return value;
        }
        return restoreCsvCell(value);
      };
      const list = (column: string) => text(column).split(/\s+/).filter(Boolean);
      const check = (column: string, value: string, opts: { required?: boolean; max: number }) => {
        const violation = checkText(column, value, opts);
        if (violation) fail(line, column, violation.message);
      };
      const row: Row = {
        line,
        reference: text('reference').trim() || null,
        matchId: cells.id?.trim() || null,
        agreementTitle: text('agreement').trim(),
        agreementKind: (cells.agreementKind ?? '').trim() || 'MEETING',
        title: text('title').trim(),
        description: text('description').trim(),
        sourceQuote: text('sourceQuote').trim(),
        priority: (cells.priority ?? '').trim() || CommitmentPriority.MEDIUM,
        dueOn: (cells.dueOn ?? '').trim() || null,
        parties: list('parties').map((c) => c.toUpperCase()),
        themes: list('themes'),
        ownerAcronym: text('ownerOrganization').trim() || null,
      };
      check('title', row.title, { required: true, max: TITLE_MAX_LENGTH });
      check('description', row.description, { max: DESCRIPTION_MAX_LENGTH });
      check('sourceQuote', row.sourceQuote, { max: QUOTE_MAX_LENGTH });
      check('agreement', row.agreementTitle, { required: true, max: TITLE_MAX_LENGTH });
      if (row.reference) check('reference', row.reference, { max: REFERENCE_MAX_LENGTH });
      if (row.matchId && !UUID.test(row.matchId)) fail(line, 'id', 'id must be a commitment id as the export writes it, or empty');
      if (!(Object.values(CommitmentPriority) as string[]).includes(row.priority)) fail(line, 'priority', `priority must be one of ${Object.values(CommitmentPriority).join(', ')}`);
      if (!AGREEMENT_KINDS.includes(row.agreementKind)) fail(line, 'agreementKind', `agreementKind must be one of ${AGREEMENT_KINDS.join(', ')}`);
      if (row.dueOn && !isIsoDate(row.dueOn)) fail(line, 'dueOn', 'dueOn must be a date written YYYY-MM-DD');
      if (!row.parties.length) fail(line, 'parties', 'parties must name at least one party (codes separated by spaces)');
      if (row.parties.length > 20) fail(line, 'parties', 'parties may name at most 20');
      if (row.themes.length > 20) fail(line, 'themes', 'themes may name at most 20');
      rows.push(row);
    }

    // Which commitment each row updates: its id in this workspace, else its reference.
    const ids = rows.map((r) => r.matchId).filter((v): v is string => !!v && UUID.test(v));
    const refs = rows.map((r) => r.reference ?? r.matchId).filter((v): v is string => !!v);
    const existing: Existing[] = await m.query(
      `SELECT c.id, c.external_reference AS ref, c.agreement_id AS "agreementId", c.title, c.description, c.source_quote AS "sourceQuote",
              c.priority, c.due_on::text AS "dueOn", c.owner_organization_id AS "ownerOrganizationId", c.version,
              (c.archived_at IS NOT NULL OR a.archived_at IS NOT NULL) AS archived,
              COALESCE((SELECT array_agg(p.code ORDER BY p.code) FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = c.id), '{}') AS parties,
              COALESCE((SELECT array_agg(t.slug ORDER BY t.slug) FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.commitment_id = c.id), '{}') AS themes
       FROM commitments c JOIN agreements a ON a.id = c.agreement_id
       WHERE c.workspace_id = $1 AND (c.id = ANY($2::uuid[]) OR c.external_reference = ANY($3::text[]))
       ${dryRun ? '' : 'FOR UPDATE OF c'}`,
      [ws, ids, refs],
    );
    const byId = new Map(existing.map((e) => [e.id, e]));
    const byRef = new Map(existing.filter((e) => e.ref).map((e) => [e.ref as string, e]));
    const targets = new Map<Row, Existing | null>();
    const seenKeys = new Map<string, number>();
    for (const row of rows) {
      const target = (row.matchId && byId.get(row.matchId)) || byRef.get(row.reference ?? '') || (!row.reference && row.matchId ? byRef.get(row.matchId) : undefined) || null;
      targets.set(row, target);
      const key = target ? `id:${target.id}` : row.reference ?? row.matchId ? `ref:${row.reference ?? row.matchId}` : null;
      if (key) {
        const first = seenKeys.get(key);
        if (first !== undefined) fail(row.line, row.reference ? 'reference' : 'id', `The same commitment as the row on line ${first}: each commitment once per file`);
        else seenKeys.set(key, row.line);
      }
      if (target?.archived) fail(row.line, row.reference ? 'reference' : 'id', 'This commitment is archived: restore it before importing changes to it');
    }

    // A new commitment's agreement: by title among those in use, else a new one (its parties: those
    // of its rows). A commitment that exists stays in its agreement.
    const newAgreements = new Map<string, { id: string; kind: string; parties: Set<string>; line: number }>();
    for (const row of rows) {
      if (targets.get(row) || !row.agreementTitle || agreements.has(row.agreementTitle)) continue;
      const made = newAgreements.get(row.agreementTitle) ?? { id: randomUUID(), kind: row.agreementKind, parties: new Set<string>(), line: row.line };
      for (const code of row.parties) made.parties.add(code);
      newAgreements.set(row.agreementTitle, made);
    }

    for (const row of rows) {
      const unknownParties = row.parties.filter((c) => !parties.has(c));
      if (unknownParties.length) fail(row.line, 'parties', `Unknown party ${unknownParties.join(', ')}: add it to the workspace first`);
      const target = targets.get(row) ?? null;
      const kept = new Set(target?.parties ?? []);
      const archivedParties = row.parties.filter((c) => parties.get(c) && !kept.has(c));
      if (archivedParties.length) fail(row.line, 'parties', `Party ${archivedParties.join(', ')} is archived`);
      const known = target ? agreementsById.get(target.agreementId) : agreements.get(row.agreementTitle);
      if (known) {
        const outside = row.parties.filter((c) => parties.has(c) && !known.parties.has(c));
        const title = target ? (agreementsById.get(target.agreementId)?.title ?? '') : row.agreementTitle;
        if (outside.length) fail(row.line, 'parties', `${outside.join(', ')} is not a party of the agreement “${title.slice(0, 80)}”`);
      }
      const unknownThemes = row.themes.filter((s) => !themes.has(s));
      if (unknownThemes.length) fail(row.line, 'themes', `Unknown theme ${unknownThemes.join(', ')}`);
      const keptThemes = new Set(target?.themes ?? []);
      const archivedThemes = row.themes.filter((s) => themes.get(s)?.archived && !keptThemes.has(s));
      if (archivedThemes.length) fail(row.line, 'themes', `Theme ${archivedThemes.join(', ')} is archived`);
      if (row.ownerAcronym) {
        const org = orgs.get(row.ownerAcronym);
        if (!org) fail(row.line, 'ownerOrganization', `Unknown organization ${row.ownerAcronym}`);
        else if (org.archived && target?.ownerOrganizationId !== org.id) fail(row.line, 'ownerOrganization', `Organization ${row.ownerAcronym} is archived`);
      }
    }

    errors.sort((a, b) => a.row - b.row);
    const report: ImportReport = {
      dryRun,
      applied: false,
      rows: rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      agreementsCreated: newAgreements.size,
      ignoredColumns: IGNORED_COLUMNS,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      moreErrors: Math.max(0, errors.length - MAX_REPORTED_ERRORS),
    };
    const changes = rows.map((row) => ({ row, target: targets.get(row) ?? null, changed: changedFields(row, targets.get(row) ?? null, orgs) }));
    for (const c of changes) {
      if (!c.target) report.created++;
      else if (c.changed.length) report.updated++;
      else report.unchanged++;
    }
    if (dryRun || errors.length) return report;

    for (const [title, a] of newAgreements) {
      await m.query('INSERT INTO agreements (id, workspace_id, title, kind) VALUES ($1, $2, $3, $4)', [a.id, ws, title, a.kind]);
      await m.query(
        'INSERT INTO agreement_parties (agreement_id, party_id, workspace_id) SELECT $1, p.id, $2 FROM parties p WHERE p.workspace_id = $2 AND p.code = ANY($3)',
        [a.id, ws, [...a.parties]],
      );
      await this.activity.record(m, caller, { verb: 'agreement.created', subjectType: 'Agreement', subjectId: a.id, after: { title, kind: a.kind, partyCodes: [...a.parties], imported: true } });
    }
    const agreementIdOf = (row: Row) => agreements.get(row.agreementTitle)?.id ?? (newAgreements.get(row.agreementTitle) as { id: string }).id;
    // New commitments a batch at a time (a statement per table), as createCommitment writes them one by one.
    const creates = changes.filter((c) => !c.target).map(({ row }) => ({ row, id: randomUUID() }));
    for (let i = 0; i < creates.length; i += WRITE_BATCH) {
      const batch = creates.slice(i, i + WRITE_BATCH);
      await m.query(
        `INSERT INTO commitments (id, workspace_id, agreement_id, title, description, source_quote, owner_organization_id, status, due_on, priority, version, external_reference)
         SELECT u.id, $1, u.agreement_id, u.title, u.description, u.source_quote, u.owner, 'ANNOUNCED', u.due_on, u.priority, 1, u.ref
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::date[], $9::text[], $10::text[])
           AS u(id, agreement_id, title, description, source_quote, owner, due_on, priority, ref)`,
        [
          ws, batch.map((c) => c.id), batch.map((c) => agreementIdOf(c.row)), batch.map((c) => c.row.title), batch.map((c) => c.row.description),
          batch.map((c) => c.row.sourceQuote), batch.map((c) => (c.row.ownerAcronym ? (orgs.get(c.row.ownerAcronym) as { id: string }).id : null)),
          batch.map((c) => c.row.dueOn), batch.map((c) => c.row.priority), batch.map((c) => c.row.reference ?? c.row.matchId),
        ],
      );
      const partyPairs = batch.flatMap((c) => [...new Set(c.row.parties)].map((code) => [c.id, code]));
      await m.query(
        `INSERT INTO commitment_parties (commitment_id, party_id, workspace_id)
         SELECT u.id, p.id, $1 FROM unnest($2::uuid[], $3::text[]) AS u(id, code) JOIN parties p ON p.workspace_id = $1 AND p.code = u.code`,
        [ws, partyPairs.map((p) => p[0]), partyPairs.map((p) => p[1])],
      );
      const themePairs = batch.flatMap((c) => [...new Set(c.row.themes)].map((slug) => [c.id, (themes.get(slug) as { id: string }).id]));
      await m.query(
        'INSERT INTO commitment_themes (commitment_id, theme_id, workspace_id) SELECT u.id, u.theme, $1 FROM unnest($2::uuid[], $3::uuid[]) AS u(id, theme)',
        [ws, themePairs.map((p) => p[0]), themePairs.map((p) => p[1])],
      );
      await m.query(
        `INSERT INTO status_changes (id, workspace_id, commitment_id, from_status, to_status, note, actor, commitment_version)
         SELECT gen_random_uuid(), $1, u.id, NULL, 'ANNOUNCED', 'Imported', $2, 1 FROM unnest($3::uuid[]) AS u(id)`,
        [ws, caller.actor.label, batch.map((c) => c.id)],
      );
      await this.activity.recordMany(m, caller, batch.map(({ row, id }) => ({
        verb: 'commitment.created', subjectType: 'Commitment', subjectId: id,
        after: { title: row.title, agreementId: agreementIdOf(row), status: CommitmentStatus.ANNOUNCED, partyCodes: row.parties, dueOn: row.dueOn, reference: row.reference ?? row.matchId, imported: true },
      })));
    }
    for (const { row, target, changed } of changes) {
      if (!target || !changed.length) continue;
      const ownerId = row.ownerAcronym ? (orgs.get(row.ownerAcronym) as { id: string }).id : null;
      const themeIds = row.themes.map((s) => (themes.get(s) as { id: string }).id);
      await m.query(
        `UPDATE commitments SET title = $3, description = $4, source_quote = $5, owner_organization_id = $6, due_on = $7::date,
           priority = $8, external_reference = COALESCE(external_reference, $9), version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
        [ws, target.id, row.title, row.description, row.sourceQuote, ownerId, row.dueOn, row.priority, row.reference],
      );
      await this.replaceLinks(m, ws, target.id, row.parties, themeIds);
      const after = afterOf(row, ownerId);
      await this.activity.record(m, caller, {
        verb: 'commitment.updated', subjectType: 'Commitment', subjectId: target.id,
        before: { version: target.version, ...Object.fromEntries(changed.map((k) => [k, beforeOf(target)[k]])) },
        after: { version: target.version + 1, ...Object.fromEntries(changed.map((k) => [k, after[k]])), imported: true },
      });
    }
    report.applied = true;
    return report;
  }

  private async replaceLinks(m: EntityManager, ws: string, commitmentId: string, partyCodes: string[], themeIds: string[]): Promise<void> {
    await m.query('DELETE FROM commitment_parties WHERE commitment_id = $1', [commitmentId]);
    await m.query(
      'INSERT INTO commitment_parties (commitment_id, party_id, workspace_id) SELECT $1, p.id, $2 FROM parties p WHERE p.workspace_id = $2 AND p.code = ANY($3)',
      [commitmentId, ws, partyCodes],
    );
    await m.query('DELETE FROM commitment_themes WHERE commitment_id = $1', [commitmentId]);
    await m.query('INSERT INTO commitment_themes (commitment_id, theme_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3', [commitmentId, [...new Set(themeIds)], ws]);
  }
}

class RejectedImport extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
  }
}

type Compared = 'title' | 'description' | 'sourceQuote' | 'priority' | 'dueOn' | 'ownerOrganizationId' | 'partyCodes' | 'themes';

function beforeOf(e: Existing): Record<Compared, unknown> {
  return {
    title: e.title, description: e.description, sourceQuote: e.sourceQuote, priority: e.priority, dueOn: e.dueOn,
    ownerOrganizationId: e.ownerOrganizationId, partyCodes: [...e.parties].sort(), themes: [...e.themes].sort(),
  };
}

function afterOf(row: Row, ownerId: string | null): Record<Compared, unknown> {
  return {
    title: row.title, description: row.description, sourceQuote: row.sourceQuote, priority: row.priority, dueOn: row.dueOn,
    ownerOrganizationId: ownerId, partyCodes: [...new Set(row.parties)].sort(), themes: [...new Set(row.themes)].sort(),
  };
}

/** What a row would change of the commitment it matches. */
function changedFields(row: Row, target: Existing | null, orgs: Map<string, { id: string }>): Compared[] {
  if (!target) return [];
  const before = beforeOf(target);
  const after = afterOf(row, row.ownerAcronym ? orgs.get(row.ownerAcronym)?.id ?? null : null);
  return (Object.keys(before) as Compared[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
