import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.model';
import { JSONObjectScalar } from '../../common/scalars/json-object.scalar';

export enum ActorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
  SYSTEM = 'SYSTEM',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(ActorKind, { name: 'ActorKind' });

@ObjectType({ description: 'One change, as written to the append-only activity log in the same transaction.' })
export class Activity {
  @Field(() => ID, { description: 'Increasing: a later change has a larger id.' }) id: string;
  @Field(() => ActorKind) actorType: ActorKind;
  @Field() actorLabel: string;
  @Field({ description: 'What happened, such as commitment.status_changed.' }) verb: string;
  @Field() subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field(() => JSONObjectScalar, { nullable: true }) before: Record<string, unknown> | null;
  @Field(() => JSONObjectScalar, { nullable: true }) after: Record<string, unknown> | null;
  @Field() createdAt: Date;
}

export const ActivityConnection = Connection(Activity, 'Activity');
