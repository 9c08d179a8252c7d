import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ActorType = 'USER' | 'API_KEY' | 'SYSTEM' | 'ANONYMOUS';

@Entity('activity')
export class ActivityEntity {
  /** bigint: pg returns it as a string, and the id doubles as the change-feed position. */
  @PrimaryColumn('bigint') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text', { name: 'actor_type' }) actorType: ActorType;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_label' }) actorLabel: string;
  @Column('text') verb: string;
  @Column('text', { name: 'subject_type' }) subjectType: string;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('jsonb', { nullable: true }) before: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** What the change concerns, as it was written (migration 1765110000000): the live feed and digests filter on them. */
  @Column('uuid', { name: 'commitment_id', nullable: true }) commitmentId: string | null;
  @Column('uuid', { name: 'agreement_id', nullable: true }) agreementId: string | null;
}
