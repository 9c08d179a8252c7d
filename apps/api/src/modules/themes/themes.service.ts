import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChangeOf, DomainError } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { lockForEdit, refuse, unlessTaken, updateVersioned } from '../../common/sql/versioned-row';
import { ActivityService } from '../activity/activity.service';
import { CreateThemeInput, SetThemeArchivedInput, ThemePayload, UpdateThemeInput } from './dto/theme.inputs';
import { Theme } from './theme.model';

const THEME = `t.id, t.slug, t.name, coalesce(t.name_es, t.name) AS "nameEs", t.archived_at IS NOT NULL AS archived, t.version`;

@Injectable()
export class ThemesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  list(workspaceId: string, includeArchived = false): Promise<Theme[]> {
    return this.dataSource.query(
      `SELECT ${THEME} FROM themes t WHERE t.workspace_id = $1 AND ($2 OR t.archived_at IS NULL) ORDER BY t.name, t.slug`,
      [workspaceId, includeArchived],
    );
  }

  /**
   * The ids of these slugs, the slugs the workspace does not have, and those of archived themes (not to be used anew).
   * Inside a write: `m` is its transaction's manager, so the look-up takes no second connection from the pool.
   */
  async idsForSlugs(m: EntityManager, workspaceId: string, slugs: string[]): Promise<{ ids: string[]; unknown: string[]; archived: string[] }> {
    const rows: { id: string; slug: string; archived: boolean }[] = await m.query(
      'SELECT id, slug, archived_at IS NOT NULL AS archived FROM themes WHERE workspace_id = $1 AND slug = ANY($2)',
      [workspaceId, slugs],
    );
    const known = new Map(rows.map((r) => [r.slug, r.id]));
    return {
      ids: slugs.filter((s) => known.has(s)).map((s) => known.get(s) as string),
      unknown: slugs.filter((s) => !known.has(s)),
      archived: rows.filter((r) => r.archived).map((r) => r.slug),
    };
  }

  themesOf(loaders: RequestLoaders, workspaceId: string, commitmentId: string) {
    return loaders
      .get<string, Theme[]>('commitment.themes', async (ids) => {
        const rows: (Theme & { parentId: string })[] = await this.dataSource.query(
          `SELECT ${THEME}, j.commitment_id AS "parentId" FROM commitment_themes j JOIN themes t ON t.id = j.theme_id
           WHERE j.workspace_id = $1 AND j.commitment_id = ANY($2::uuid[]) ORDER BY t.name`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.parentId);
      })
      .load(commitmentId);
  }

  async create(caller: Caller, input: CreateThemeInput): Promise<ThemePayload> {
    const id = randomUUID();
    const row = { slug: input.slug, name: input.name.trim(), nameEs: input.nameEs.trim() };
    const taken = { field: 'slug', message: `slug: ${input.slug} is already a theme of this workspace` };
    return this.dataSource.transaction(async (m) => {
      const existing = await m.query('SELECT 1 FROM themes WHERE workspace_id = $1 AND slug = $2', [caller.workspaceId, row.slug]);
      if (existing.length) throw DomainError.badInput([taken]);
      await unlessTaken(
        () => m.query('INSERT INTO themes (id, workspace_id, slug, name, name_es) VALUES ($1, $2, $3, $4, $5)', [id, caller.workspaceId, row.slug, row.name, row.nameEs]),
        taken,
      );
      await this.activity.record(m, caller, { verb: 'theme.created', subjectType: 'Theme', subjectId: id, after: row });
      return { theme: await this.one(m, caller, id) };
    });
  }

  async update(caller: Caller, input: UpdateThemeInput): Promise<ThemePayload> {
    refuse(['name', 'nameEs'].map((f) => (input[f as 'name'] === null ? { field: f, message: `${f} cannot be cleared` } : null)));
    return this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, caller, input.id, input.expectedVersion);
      const set: Record<string, unknown> = {};
      const before: ChangeOf<'theme.updated'>['before'] = { version: current.version, slug: current.slug };
      const after: ChangeOf<'theme.updated'>['after'] = { version: current.version + 1, slug: current.slug };
      for (const [key, column] of [['name', 'name'], ['nameEs', 'name_es']] as const) {
        const value = input[key]?.trim();
        if (value === undefined || value === current[key]) continue;
        set[column] = value;
        before[key] = current[key];
        after[key] = value;
      }
      await updateVersioned(m, 'themes', caller.workspaceId, input.id, set);
      await this.activity.record(m, caller, { verb: 'theme.updated', subjectType: 'Theme', subjectId: input.id, before, after });
      return { theme: await this.one(m, caller, input.id) };
    });
  }

  /** Archives or restores; asking for the state it is already in changes nothing. */
  async setArchived(caller: Caller, input: SetThemeArchivedInput): Promise<ThemePayload> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, caller, input.id, input.expectedVersion);
      if (current.archived !== input.archived) {
        await m.query(
          `UPDATE themes SET archived_at = ${input.archived ? 'now()' : 'NULL'}, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
          [caller.workspaceId, input.id],
        );
        await this.activity.record(m, caller, {
          verb: input.archived ? 'theme.archived' : 'theme.restored', subjectType: 'Theme', subjectId: input.id,
          before: { version: current.version, archived: current.archived, slug: current.slug },
          after: { version: current.version + 1, archived: input.archived, slug: current.slug },
        });
      }
      return { theme: await this.one(m, caller, input.id) };
    });
  }

  private lock(m: EntityManager, caller: Caller, id: string, expectedVersion: number) {
    return lockForEdit<Theme>(m, { table: 'themes', alias: 't', columns: THEME, what: 'Theme', workspaceId: caller.workspaceId, id, expectedVersion });
  }

  private async one(m: EntityManager, caller: Caller, id: string): Promise<Theme> {
    const [row] = await m.query(`SELECT ${THEME} FROM themes t WHERE t.workspace_id = $1 AND t.id = $2`, [caller.workspaceId, id]);
    return row;
  }
}
