import { EvidenceKind, EvidenceStance } from '@pactwatch/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('evidence')
export class EvidenceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text', { nullable: true }) url: string | null;
  @Column('text') title: string;
  @Column('text', { nullable: true }) publisher: string | null;
  @Column('date', { name: 'published_on', nullable: true }) publishedOn: string | null;
  @Column('text') kind: EvidenceKind;
  @Column('text') stance: EvidenceStance;
  @Column('text', { name: 'added_by' }) addedBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
  @Column('text', { name: 'link_state', nullable: true }) linkState: string | null;
  @Column('int', { name: 'link_status_code', nullable: true }) linkStatusCode: number | null;
  @Column('text', { name: 'link_final_url', nullable: true }) linkFinalUrl: string | null;
  @Column('text', { name: 'link_error', nullable: true }) linkError: string | null;
  @Column('timestamptz', { name: 'link_checked_at', nullable: true }) linkCheckedAt: Date | null;
  @Column('text', { name: 'archive_url', nullable: true }) archiveUrl: string | null;
}
