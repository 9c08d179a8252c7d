import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { ApiKeysResolver } from './api-keys.resolver';
import { ApiKeysService } from './api-keys.service';

@Module({ imports: [ActivityModule], providers: [ApiKeysService, ApiKeysResolver], exports: [ApiKeysService] })
export class ApiKeysModule {}
