import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('observations')
export class ObservationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'indicator_id' }) indicatorId: string;
  /** numeric comes back from pg as a string: exact, never rounded through a float. */
  @Column('numeric') value: string;
  @Column('date', { name: 'as_of' }) asOf: string;
  @Column('uuid', { name: 'evidence_id', nullable: true }) evidenceId: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { name: 'revises_id', nullable: true }) revisesId: string | null;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
