import { AgreementKind } from '@pactwatch/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('agreements')
export class AgreementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') title: string;
  @Column('text') kind: AgreementKind;
  @Column('date', { name: 'held_on', nullable: true }) heldOn: string | null;
  @Column('date', { name: 'signed_on', nullable: true }) signedOn: string | null;
  @Column('date', { name: 'in_force_on', nullable: true }) inForceOn: string | null;
  @Column('text', { nullable: true }) place: string | null;
  @Column('text') summary: string;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
}
