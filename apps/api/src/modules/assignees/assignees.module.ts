import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { CommentsModule } from '../comments/comments.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { DigestsModule } from '../digests/digests.module';
import { AssigneesResolver, NotificationCommitmentResolver } from './assignees.resolver';
import { AssigneesService } from './assignees.service';

/** Members responsible for commitments: assignments, the notification and watch they bring. */
@Module({
  imports: [ActivityModule, CommentsModule, CommitmentsModule, DigestsModule],
  providers: [AssigneesService, AssigneesResolver, NotificationCommitmentResolver],
})
export class AssigneesModule {}
