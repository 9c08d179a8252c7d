import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Caller } from '../../common/context/gql-context';
import { ActivityService } from '../activity/activity.service';
import { CreateIndicatorInput, CreateIndicatorPayload, RecordObservationInput, RecordObservationPayload } from './dto/indicator.inputs';
import { Indicator } from './indicator.model';
import { Observation } from './observation.model';

const INDICATOR = `i.id, i.commitment_id AS "commitmentId", i.name, i.unit, i.baseline_on AS "baselineOn", i.description`;
// A value is current until a later one for the same date revises it.
const OBSERVATION = `o.id, o.indicator_id AS "indicatorId", o.value::float8 AS value, o.as_of AS "asOf", o.note,
  o.revises_id AS "revisesId", o.evidence_id AS "evidenceId", o.recorded_by AS "recordedBy", o.recorded_at AS "recordedAt",
  NOT EXISTS (SELECT 1 FROM observations r WHERE r.revises_id = o.id) AS current`;

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  indicatorsOf(loaders: RequestLoaders, workspaceId: string, commitmentId: string) {
    return loaders
      .get<string, Indicator[]>('commitment.indicators', async (ids) => {
        const rows: Indicator[] = await this.dataSource.query(
          `SELECT ${INDICATOR} FROM indicators i WHERE i.workspace_id = $1 AND i.commitment_id = ANY($2::uuid[]) ORDER BY i.created_at, i.id`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.commitmentId as string);
      })
      .load(commitmentId);
  }

  /** Every value, revisions included, by date then by when it was recorded. */
  observationsOf(loaders: RequestLoaders, workspaceId: string, indicatorId: string) {
    return loaders
      .get<string, Observation[]>('indicator.observations', async (ids) => {
        const rows: Observation[] = await this.dataSource.query(
          `SELECT ${OBSERVATION} FROM observations o WHERE o.workspace_id = $1 AND o.indicator_id = ANY($2::uuid[])
           ORDER BY o.as_of, o.recorded_at, o.id`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.indicatorId);
      })
      .load(indicatorId);
  }

  async create(caller: Caller, input: CreateIndicatorInput): Promise<CreateIndicatorPayload> {
    const id = randomUUID();
    const indicator = await this.dataSource.transaction(async (m) => {
      if (!(await m.query('SELECT 1 FROM commitments WHERE workspace_id = $1 AND id = $2', [caller.workspaceId, input.commitmentId])).length) {
        throw DomainError.notFound('Commitment', input.commitmentId, 'commitmentId');
      }
      await m.query(
        `INSERT INTO indicators (id, workspace_id, commitment_id, name, unit, baseline_on, description) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, caller.workspaceId, input.commitmentId, input.name.trim(), input.unit.trim(), input.baselineOn ?? null, input.description.trim()],
      );
      await this.activity.record(m, caller, {
        verb: 'indicator.created', subjectType: 'Indicator', subjectId: id,
        after: { name: input.name.trim(), unit: input.unit.trim(), commitmentId: input.commitmentId },
      });
      return this.findIndicator(m, caller, id);
    });
    return { indicator };
  }

  async record(caller: Caller, input: RecordObservationInput): Promise<RecordObservationPayload> {
    const id = randomUUID();
    return this.dataSource.transaction(async (m) => {
      const [indicator] = await m.query(
        `SELECT ${INDICATOR} FROM indicators i WHERE i.workspace_id = $1 AND i.id = $2 FOR UPDATE`,
        [caller.workspaceId, input.indicatorId],
      );
      if (!indicator) throw DomainError.notFound('Indicator', input.indicatorId, 'indicatorId');
      if (input.evidenceId && !(await m.query('SELECT 1 FROM evidence WHERE workspace_id = $1 AND id = $2', [caller.workspaceId, input.evidenceId])).length) {
        throw DomainError.notFound('Evidence', input.evidenceId, 'evidenceId');
      }
      const [previous]: { id: string; value: number }[] = await m.query(
        `SELECT o.id, o.value::float8 AS value FROM observations o
         WHERE o.indicator_id = $1 AND o.as_of = $2 AND NOT EXISTS (SELECT 1 FROM observations r WHERE r.revises_id = o.id)`,
        [input.indicatorId, input.asOf],
      );
      await m.query(
        `INSERT INTO observations (id, workspace_id, indicator_id, value, as_of, evidence_id, note, revises_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, caller.workspaceId, input.indicatorId, input.value, input.asOf, input.evidenceId ?? null, input.note?.trim() || null, previous?.id ?? null, caller.actor.label],
      );
      const [latestBefore]: { value: number; asOf: string }[] = await m.query(
        `SELECT o.value::float8 AS value, o.as_of AS "asOf" FROM observations o
         WHERE o.indicator_id = $1 AND o.id <> $2 AND NOT EXISTS (SELECT 1 FROM observations r WHERE r.revises_id = o.id)
         ORDER BY o.as_of DESC, o.recorded_at DESC LIMIT 1`,
        [input.indicatorId, id],
      );
      const after = { value: input.value, asOf: input.asOf, observationId: id, evidenceId: input.evidenceId ?? null };
      await this.activity.record(
        m,
        caller,
        previous
          ? { verb: 'indicator.observation_revised', subjectType: 'Indicator', subjectId: input.indicatorId, before: { value: previous.value, asOf: input.asOf }, after }
          : {
              verb: 'indicator.observation_recorded', subjectType: 'Indicator', subjectId: input.indicatorId,
              before: latestBefore ? { value: latestBefore.value, asOf: latestBefore.asOf } : null, after,
            },
      );
      const [observation] = await m.query(`SELECT ${OBSERVATION} FROM observations o WHERE o.id = $1`, [id]);
      return { observation, indicator };
    });
  }

  private async findIndicator(m: EntityManager, caller: Caller, id: string): Promise<Indicator> {
    const [row] = await m.query(`SELECT ${INDICATOR} FROM indicators i WHERE i.workspace_id = $1 AND i.id = $2`, [caller.workspaceId, id]);
    return row;
  }
}
