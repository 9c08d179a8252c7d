import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MAX_REMINDER_DAYS_BEFORE, MAX_REMINDER_OFFSETS } from '@pactwatch/domain';
import { ArrayMaxSize } from 'class-validator';
import { ReminderSettings } from '../reminder-settings.model';

@InputType()
export class UpdateReminderSettingsInput {
  @Field(() => [Int], { description: `Whole days from 0 to ${MAX_REMINDER_DAYS_BEFORE}, at most ${MAX_REMINDER_OFFSETS}, each once; an empty list sends no reminders before the due date.` })
  @ArrayMaxSize(MAX_REMINDER_OFFSETS, { message: `daysBefore: at most ${MAX_REMINDER_OFFSETS} reminders` })
  daysBefore: number[];
}

@ObjectType()
export class ReminderSettingsPayload {
  @Field(() => ReminderSettings) reminderSettings: ReminderSettings;
}
