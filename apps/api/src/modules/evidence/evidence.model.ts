import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceKind, EvidenceStance } from '@pactwatch/domain';
import { Connection } from '../../common/pagination/connection.model';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';
import { LinkState } from './link-check';

@ObjectType({ description: 'What the last check of a source address found, and when.' })
export class LinkCheck {
  @Field(() => LinkState) state: LinkState;
  @Field(() => Int, { nullable: true, description: 'The last status answered (the 4xx or 5xx of a BROKEN link); null when nothing answered.' }) statusCode: number | null;
  @Field(() => String, { nullable: true, description: 'Where the redirects ended; null when none was followed.' }) finalUrl: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was UNREACHABLE (in English); null otherwise.' }) error: string | null;
  /** Text as read from the database's JSON (LinkCheckResolver answers a Date). */
  @Field(() => Date, { description: 'When it was checked.' }) checkedAt: Date | string;
}

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
  @Field(() => LinkCheck, { nullable: true, description: 'What the last check of its address found; null until it is checked (and after its address changes).' })
  linkCheck: LinkCheck | null;
  @Field(() => String, { nullable: true, description: 'An archived copy of the page (e.g. on the Wayback Machine), given by an analyst; null when none.' })
  archiveUrl: string | null;
  @Field({ description: 'An archived source has left every commitment and agreement; the status changes that cite it still show it.' }) archived: boolean;
}

export const EvidenceConnection = Connection(Evidence, 'Evidence');
