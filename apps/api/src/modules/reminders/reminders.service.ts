import { Injectable } from '@nestjs/common';
import { checkReminderDaysBefore, DomainError, normalizeReminderDaysBefore } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { ActivityService } from '../activity/activity.service';
import { UpdateReminderSettingsInput } from './dto/update-reminder-settings.input';
import { ReminderSettings } from './reminder-settings.model';
import { RemindersRepository } from './reminders.repository';

/** The workspace's reminder offsets, read and changed by those who manage its members. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: RemindersRepository,
    private readonly activity: ActivityService,
  ) {}

  async settings(caller: Caller): Promise<ReminderSettings> {
    return { daysBefore: await this.repo.daysBefore(caller.workspaceId) };
  }

  async update(caller: Caller, input: UpdateReminderSettingsInput): Promise<ReminderSettings> {
    const days = input.daysBefore ?? [];
    const violations = checkReminderDaysBefore('daysBefore', days);
    if (violations.length) throw DomainError.badInput(violations);
    const kept = normalizeReminderDaysBefore(days);
    await this.dataSource.transaction(async (m) => {
      const before = await this.repo.setDaysBefore(m, caller.workspaceId, kept);
      if (before.join() === kept.join()) return;
      await this.activity.record(m, caller, {
        verb: 'workspace.reminders_changed', subjectType: 'Workspace', subjectId: caller.workspaceId,
        before: { daysBefore: before }, after: { daysBefore: kept },
      });
    });
    return { daysBefore: kept };
  }
}
