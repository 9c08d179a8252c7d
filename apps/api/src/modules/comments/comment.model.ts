import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.model';
import { MaxItems } from '../../common/security/list-bounds';

export enum CommentSubjectType {
  COMMITMENT = 'COMMITMENT',
  AGREEMENT = 'AGREEMENT',
}
registerEnumType(CommentSubjectType, { name: 'CommentSubjectType', description: 'What a comment discusses.' });

@ObjectType({ description: 'A member of the workspace, by name (for @mentions, authors, who is looking).' })
export class MemberRef {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType({ description: 'A comment on a commitment or an agreement. Deleted ones stay in the thread, without their text (the activity log keeps it).' })
export class Comment {
  @Field(() => ID) id: string;
  @Field(() => CommentSubjectType) subjectType: CommentSubjectType;
  @Field(() => ID, { description: 'The commitment or agreement.' }) subjectId: string;
  @Field({ description: 'Markdown as written; empty once deleted.' }) body: string;
  @Field({ description: 'The body rendered to HTML, safe to insert: no raw HTML, links only to http(s) addresses.' }) bodyHtml: string;
  @Field(() => MemberRef, { nullable: true, description: 'Null when the account was deleted.' }) author: MemberRef | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field() deleted: boolean;
  @MaxItems(50) @Field(() => [MemberRef], { description: 'Members @mentioned (and notified); empty once deleted.' }) mentions: MemberRef[];
}

export const CommentConnection = Connection(Comment, 'Comment');
