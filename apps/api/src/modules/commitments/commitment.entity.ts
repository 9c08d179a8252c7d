import { CommitmentPriority, CommitmentStatus } from '@pactwatch/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('commitments')
export class CommitmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'agreement_id' }) agreementId: string;
  @Column('text') title: string;
  @Column('text') description: string;
  @Column('text', { name: 'source_quote' }) sourceQuote: string;
  @Column('uuid', { name: 'owner_organization_id', nullable: true }) ownerOrganizationId: string | null;
  @Column('uuid', { name: 'owner_person_id', nullable: true }) ownerPersonId: string | null;
  @Column('text') status: CommitmentStatus;
  @Column('date', { name: 'due_on', nullable: true }) dueOn: string | null;
  @Column('text') priority: CommitmentPriority;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
}
