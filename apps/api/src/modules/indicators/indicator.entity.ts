import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('indicators')
export class IndicatorEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'commitment_id', nullable: true }) commitmentId: string | null;
  @Column('text') name: string;
  @Column('text') unit: string;
  @Column('date', { name: 'baseline_on', nullable: true }) baselineOn: string | null;
  @Column('text') description: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
