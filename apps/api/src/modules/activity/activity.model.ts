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
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'The fields as they were before the change, as stored (keys per verb: `change` reads them typed).',
  })
  before: Record<string, unknown> | null;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The fields the change wrote, as stored (keys per verb: `change` reads them typed).' })
  after: Record<string, unknown> | null;
  @Field() createdAt: Date;
  @Field(() => ID, {
    nullable: true,
    description:
      'The commitment the change concerns, as it was when written: the subject, what a comment, watch or source is on, a figure\'s commitment.',
  })
  commitmentId: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The agreement the change concerns, as it was when written: the subject, what a comment, watch or source is on, or the commitment\'s agreement.',
  })
  agreementId: string | null;
  /** Resolved by ActivityResolver.subjectTitle (a batched lookup), not read with the row. */
  subjectTitle?: string | null;
}

export const ActivityConnection = Connection(Activity, 'Activity');

@ObjectType({ description: 'One change of the sync feed; its cursor is the change\'s id.' })
export class ChangeEdge {
  @Field({ description: 'The id of the change, to pass back as `after`.' }) cursor: string;
  @Field(() => Activity) node: Activity;
}

@ObjectType({ description: 'Where a page of the change feed ends.' })
export class ChangePageInfo {
  @Field({ description: 'More changes are committed after this page now; false when the feed is caught up (poll again later from endCursor).' })
  hasNextPage: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'The cursor to pass as `after` next: the last change of the page, or the `after` given when the page is empty (null only when both are).',
  })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of the change feed, oldest first.' })
export class ChangeConnection {
  @Field(() => [ChangeEdge]) edges: ChangeEdge[];
  @Field(() => ChangePageInfo) pageInfo: ChangePageInfo;
}
