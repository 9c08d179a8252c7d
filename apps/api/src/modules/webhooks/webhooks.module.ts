import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { CommentsModule } from '../comments/comments.module';
import { WebhookRunnerService } from './webhook-runner.service';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Outgoing webhooks: endpoints admins register, and their delivery through the job engine. */
@Module({
  imports: [ActivityModule, CommentsModule],
  providers: [WebhooksRepository, WebhooksService, WebhookRunnerService, WebhooksResolver],
  exports: [WebhookRunnerService],
})
export class WebhooksModule {}
