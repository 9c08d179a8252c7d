import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AuthModule } from '../auth/auth.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Commitments from CSV over HTTP, with a dry run (see ImportsController). */
@Module({ imports: [AuthModule, ActivityModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
