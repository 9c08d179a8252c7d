import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('themes')
export class ThemeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text', { name: 'name_es', nullable: true }) nameEs: string | null;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
