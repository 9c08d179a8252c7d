import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DigestCadence } from '@pactwatch/domain';
import { JSONObjectScalar } from '../../common/scalars/json-object.scalar';

registerEnumType(DigestCadence, { name: 'DigestCadence', description: 'INSTANT: within a minute of a change; DAILY at an hour; WEEKLY on a day at an hour; OFF.' });

export enum WatchSubject {
  COMMITMENT = 'COMMITMENT',
  AGREEMENT = 'AGREEMENT',
  PARTY = 'PARTY',
  THEME = 'THEME',
  VIEW = 'VIEW',
}
registerEnumType(WatchSubject, { name: 'WatchSubject', description: 'VIEW: a saved view (your own or a shared one): whatever its filter matches.' });

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  EMPTY = 'EMPTY',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'EMPTY: nothing to report, so no email.' });

@ObjectType({ description: 'Something a member follows; their digests report its changes.' })
export class Watch {
  @Field(() => ID) id: string;
  @Field(() => WatchSubject) subjectType: WatchSubject;
  @Field(() => ID, { description: 'The commitment, agreement, party, theme or saved view.' }) subjectId: string;
  @Field(() => JSONObjectScalar, { nullable: true, description: "A watched view's CommitmentFilter; null for other subjects." }) filter: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: "A watched view's name; null for other subjects." }) name: string | null;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'When and how a member (or an outside recipient) gets digests.' })
export class DigestSubscription {
  @Field(() => ID, { nullable: true, description: 'Null until the member first chooses.' }) id: string | null;
  @Field(() => String, { nullable: true, description: 'An outside recipient\'s address; null for a member.' }) email: string | null;
  @Field(() => DigestCadence) cadence: DigestCadence;
  @Field(() => Int) hour: number;
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' }) weekday: number;
  @Field() timeZone: string;
  @Field() locale: string;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The CommitmentFilter of what they get (the followed view\'s, when they follow one); null: everything.' })
  filter: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true, description: 'The shared view an outside recipient follows.' }) viewId: string | null;
  @Field({ description: 'False for an outside recipient who has not confirmed yet.' }) confirmed: boolean;
  @Field() unsubscribed: boolean;
  @Field(() => Date, { nullable: true, description: 'The next digest reports changes from here on.' }) coveredUntil: Date | null;
}

@ObjectType({ description: 'A digest as it would be sent now.' })
export class DigestPreview {
  @Field() subject: string;
  @Field() html: string;
  @Field() text: string;
  @Field(() => Int) itemCount: number;
  @Field() windowStart: Date;
  @Field() windowEnd: Date;
}

@ObjectType({ description: 'One digest claimed for a subscription and period: the delivery log.' })
export class DigestDelivery {
  @Field(() => ID) id: string;
  @Field(() => ID) subscriptionId: string;
  @Field({ description: 'The member\'s or outside recipient\'s address.' }) recipient: string;
  @Field() windowStart: Date;
  @Field() periodEnd: Date;
  @Field(() => DeliveryStatus) status: DeliveryStatus;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Int, { nullable: true }) itemCount: number | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted the message; a delivery accepted is never sent again.' })
  acceptedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The SMTP server's answer when it accepted the message." }) smtpResponse: string | null;
  @Field(() => String, { nullable: true, description: 'The Message-ID sent, the same for every copy of this delivery.' }) messageId: string | null;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'What a digest run did.' })
export class DigestRunResult {
  @Field(() => Int, { description: 'Deliveries claimed for newly ended periods.' }) scheduled: number;
  @Field(() => Int) sent: number;
  @Field(() => Int) empty: number;
  @Field(() => Int, { description: 'Failed this time: a temporary failure is retried with backoff until the attempts run out, a permanent (5xx) refusal is FAILED at once.' }) failed: number;
}

@ObjectType({ description: 'A message in the local outbox (mail without SMTP_URL).' })
export class OutboxMessage {
  @Field() file: string;
  @Field() to: string;
  @Field() subject: string;
  @Field() date: Date;
  @Field({ description: 'The whole message as an .eml file, with the token of every link replaced by "redacted" (the file on disk keeps them).' }) raw: string;
}
