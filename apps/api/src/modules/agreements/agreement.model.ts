import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgreementKind } from '@pactwatch/domain';
import { Connection } from '../../common/pagination/connection.model';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';

@ObjectType({ description: 'A meeting, dialogue, joint statement, MOU or treaty between parties.' })
export class Agreement {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => AgreementKind) kind: AgreementKind;
  @Field(() => LocalDateScalar, { nullable: true }) heldOn: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) signedOn: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) inForceOn: string | null;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field() summary: string;
  @Field(() => Int, { description: 'Increases with every update; pass it back as expectedVersion.' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was archived; null while it is in use.' }) archivedAt: Date | null;
  @Field({ description: 'Archived agreements leave lists unless a filter asks for them; their commitments leave the commitment lists too.' }) archived: boolean;
}

export const AgreementConnection = Connection(Agreement, 'Agreement');
