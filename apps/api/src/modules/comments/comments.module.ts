import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { LiveModule } from '../live/live.module';
import { CommentsResolver, NotificationsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { NotificationsService } from './notifications.service';

/** Comments on commitments and agreements, @mentions, and the notifications they make. */
@Module({
  imports: [ActivityModule, LiveModule],
  providers: [CommentsService, NotificationsService, CommentsResolver, NotificationsResolver],
  exports: [NotificationsService],
})
export class CommentsModule {}
