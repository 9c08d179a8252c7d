import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { ThemesResolver } from './themes.resolver';
import { ThemesService } from './themes.service';

@Module({ imports: [ActivityModule], providers: [ThemesService, ThemesResolver], exports: [ThemesService] })
export class ThemesModule {}
