import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "When the workspace reminds a commitment's assignees and watchers of its due date." })
export class ReminderSettings {
  @Field(() => [Int], {
    description: 'Days before the due date a reminder goes out, largest first (default 7 and 1; 0 is the due date itself). A commitment past its due date is flagged once, whatever these say.',
  })
  daysBefore: number[];
}
