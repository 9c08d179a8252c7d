import { Field, ObjectType } from '@nestjs/graphql';
import { MemberRef } from '../comments/comment.model';

@ObjectType({ description: 'A person looking at a commitment now.' })
export class PresenceViewer {
  @Field(() => MemberRef) user: MemberRef;
  @Field({ description: 'Since when (their earliest open view).' }) since: Date;
}
