import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('parties')
export class PartyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('varchar', { length: 2 }) code: string;
  @Column('text') name: string;
}
