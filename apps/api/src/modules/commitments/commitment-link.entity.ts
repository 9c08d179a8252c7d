import { CommitmentLinkKind } from '@pactwatch/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('commitment_links')
export class CommitmentLinkEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'from_commitment_id' }) fromCommitmentId: string;
  @Column('uuid', { name: 'to_commitment_id' }) toCommitmentId: string;
  @Column('text') kind: CommitmentLinkKind;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
