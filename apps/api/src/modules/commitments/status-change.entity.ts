import { CommitmentStatus, StatusChangeKind, StatusReasonCode } from '@pactwatch/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('status_changes')
export class StatusChangeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'commitment_id' }) commitmentId: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: CommitmentStatus | null;
  @Column('text', { name: 'to_status' }) toStatus: CommitmentStatus;
  @Column('text') kind: StatusChangeKind;
  @Column('text') note: string;
  @Column('text', { name: 'reason_code', nullable: true }) reasonCode: StatusReasonCode | null;
  @Column('text') actor: string;
  @Column('int', { name: 'commitment_version' }) commitmentVersion: number;
  @Column('date', { name: 'occurred_on' }) occurredOn: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
