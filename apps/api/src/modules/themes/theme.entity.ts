import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('themes')
export class ThemeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') slug: string;
  @Column('text') name: string;
}
