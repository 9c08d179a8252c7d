import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { SavedViewsResolver } from './saved-views.resolver';
import { SavedViewsService } from './saved-views.service';

@Module({ imports: [ActivityModule], providers: [SavedViewsService, SavedViewsResolver], exports: [SavedViewsService] })
export class SavedViewsModule {}
