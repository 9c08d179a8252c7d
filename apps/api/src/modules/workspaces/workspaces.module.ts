import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { ExampleDataResolver } from './example-data.resolver';
import { ExampleDataService } from './example-data.service';
import { WorkspacesResolver } from './workspaces.resolver';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [ActivityModule, ApiKeysModule, AuthModule, MailModule],
  providers: [WorkspacesService, WorkspacesResolver, ExampleDataService, ExampleDataResolver],
})
export class WorkspacesModule {}
