import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MAX_REMINDER_OFFSETS } from '@pactwatch/domain';
import { MaxItems } from '../../common/security/list-bounds';

@ObjectType({ description: "When the workspace reminds a commitment's assignees and watchers of its due date." })
export class ReminderSettings {
  @MaxItems(MAX_REMINDER_OFFSETS)
  @Field(() => [Int], {
    description: 'Days before the due date a reminder goes out, largest first (default 7 and 1; 0 is the due date itself). A commitment past its due date is flagged once, whatever these say.',
  })
  daysBefore: number[];
}
