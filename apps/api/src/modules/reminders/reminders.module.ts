import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { ReminderRunnerService } from './reminder-runner.service';
import { RemindersRepository } from './reminders.repository';
import { RemindersResolver } from './reminders.resolver';
import { RemindersService } from './reminders.service';

/** Reminders before a commitment's due date and the overdue flag: the workspace's setting and the periodic check. */
@Module({
  imports: [ActivityModule],
  providers: [RemindersRepository, RemindersService, RemindersResolver, ReminderRunnerService],
  exports: [ReminderRunnerService],
})
export class RemindersModule {}
