import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Caller } from '../../common/context/gql-context';
import { ReminderSettingsPayload, UpdateReminderSettingsInput } from './dto/update-reminder-settings.input';
import { ReminderSettings } from './reminder-settings.model';
import { RemindersService } from './reminders.service';

@Resolver()
export class RemindersResolver {
  constructor(private readonly reminders: RemindersService) {}

  @Query(() => ReminderSettings, { description: "When the workspace reminds assignees and watchers of a commitment's due date (owners and admins)." })
  @Access(Permission.MANAGE_MEMBERS)
  reminderSettings(@CurrentCaller() caller: Caller) {
    return this.reminders.settings(caller);
  }

  @Mutation(() => ReminderSettingsPayload, { description: 'Sets the days before a due date that reminders go out; new offsets apply from the next check.' })
  @Access(Permission.MANAGE_MEMBERS)
  async updateReminderSettings(@Args('input') input: UpdateReminderSettingsInput, @CurrentCaller() caller: Caller) {
    return { reminderSettings: await this.reminders.update(caller, input) };
  }
}
