import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { SavedViewsModule } from '../saved-views/saved-views.module';
import { DigestAdminService } from './digest-admin.service';
import { DigestBuilderService } from './digest-builder.service';
import { DigestLinksController } from './digest-links.controller';
import { DigestRunnerService } from './digest-runner.service';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { CommitmentWatchedResolver, DigestsResolver, MeWatchesResolver } from './digests.resolver';
import { WatchesService } from './watches.service';

@Module({
  imports: [AuthModule, MailModule, ActivityModule, SavedViewsModule],
  controllers: [DigestLinksController],
  providers: [
    WatchesService,
    DigestSubscriptionsService,
    DigestBuilderService,
    DigestRunnerService,
    DigestAdminService,
    DigestsResolver,
    MeWatchesResolver,
    CommitmentWatchedResolver,
  ],
  exports: [DigestRunnerService, WatchesService],
})
export class DigestsModule {}
