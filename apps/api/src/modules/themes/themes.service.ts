import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { ThemeEntity } from './theme.entity';

const THEME = 't.id, t.slug, t.name';

@Injectable()
export class ThemesService {
  constructor(private readonly dataSource: DataSource) {}

  list(workspaceId: string): Promise<ThemeEntity[]> {
    return this.dataSource.query(`SELECT ${THEME} FROM themes t WHERE t.workspace_id = $1 ORDER BY t.name`, [workspaceId]);
  }

  async idsForSlugs(workspaceId: string, slugs: string[]): Promise<{ ids: string[]; unknown: string[] }> {
    const rows: { id: string; slug: string }[] = await this.dataSource.query(
      'SELECT id, slug FROM themes WHERE workspace_id = $1 AND slug = ANY($2)',
      [workspaceId, slugs],
    );
    const known = new Map(rows.map((r) => [r.slug, r.id]));
    return { ids: slugs.filter((s) => known.has(s)).map((s) => known.get(s) as string), unknown: slugs.filter((s) => !known.has(s)) };
  }

  themesOf(loaders: RequestLoaders, workspaceId: string, commitmentId: string) {
    return loaders
      .get<string, ThemeEntity[]>('commitment.themes', async (ids) => {
        const rows: (ThemeEntity & { parentId: string })[] = await this.dataSource.query(
          `SELECT ${THEME}, j.commitment_id AS "parentId" FROM commitment_themes j JOIN themes t ON t.id = j.theme_id
           WHERE j.workspace_id = $1 AND j.commitment_id = ANY($2::uuid[]) ORDER BY t.name`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.parentId);
      })
      .load(commitmentId);
  }
}
