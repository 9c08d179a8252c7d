import { Injectable } from '@nestjs/common';
import { DomainError } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { loadExampleInto } from '../../database/seeds/example-data';
import { ActivityService } from '../activity/activity.service';
import { LoadExampleDataPayload } from './dto/example-data.payload';

/** The US–Mexico example, for a team that wants to look around before entering its own data. */
@Injectable()
export class ExampleDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  /** Into an empty workspace only (no agreement yet): CONFLICT otherwise, and nothing written. */
  async load(caller: Caller): Promise<LoadExampleDataPayload> {
    return this.dataSource.transaction(async (m) => {
      // The workspace row locked: two loads at once take turns, and the second finds agreements.
      await m.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [caller.workspaceId]);
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM agreements WHERE workspace_id = $1', [caller.workspaceId]);
      if (n > 0) {
        throw DomainError.conflict(`The example goes into an empty workspace only; this one has ${n} agreement${n === 1 ? '' : 's'}.`, { agreementCount: n });
      }
      const loaded = await loadExampleInto(m, caller.workspaceId);
      await this.activity.record(m, caller, {
        verb: 'workspace.example_loaded', subjectType: 'Workspace', subjectId: caller.workspaceId, after: { example: 'us-mexico-migration-talks', ...loaded },
      });
      return loaded;
    });
  }
}
