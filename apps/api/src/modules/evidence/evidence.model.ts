import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceKind, EvidenceStance } from '@pactwatch/domain';
import { Connection } from '../../common/pagination/connection.model';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';

@ObjectType({ description: 'A source behind a status: an official statement, news, a dataset, testimony.' })
export class Evidence {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'An http(s) address; null for a source with none.' }) url: string | null;
  @Field() title: string;
  @Field(() => String, { nullable: true }) publisher: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) publishedOn: string | null;
  @Field(() => EvidenceKind) kind: EvidenceKind;
  @Field(() => EvidenceStance) stance: EvidenceStance;
  @Field() addedBy: string;
  @Field() createdAt: Date;
  @Field(() => Int) version: number;
  @Field(() => Date, { nullable: true, description: 'When it was archived; null while it is in use.' }) archivedAt: Date | null;
  @Field({ description: 'An archived source has left every commitment and agreement; the status changes that cite it still show it.' }) archived: boolean;
}

export const EvidenceConnection = Connection(Evidence, 'Evidence');
