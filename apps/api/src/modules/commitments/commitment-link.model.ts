import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CommitmentLinkKind } from '@pactwatch/domain';

export enum LinkDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
}
registerEnumType(LinkDirection, {
  name: 'LinkDirection',
  description: 'OUTGOING: this commitment depends on / supersedes the other; INCOMING: the other way round. Reciprocal links read the same both ways.',
});

@ObjectType({ description: 'A link from one commitment to another, seen from the commitment asked about.' })
export class CommitmentLink {
  @Field(() => ID) id: string;
  @Field(() => CommitmentLinkKind) kind: CommitmentLinkKind;
  @Field(() => LinkDirection) direction: LinkDirection;
  otherCommitmentId: string;
}
