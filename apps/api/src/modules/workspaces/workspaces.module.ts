import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { WorkspacesResolver } from './workspaces.resolver';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [ActivityModule, ApiKeysModule, AuthModule, MailModule],
  providers: [WorkspacesService, WorkspacesResolver],
})
export class WorkspacesModule {}
