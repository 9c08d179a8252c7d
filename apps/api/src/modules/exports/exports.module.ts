import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Commitments and their status history as CSV and JSON over HTTP (see ExportsController). */
@Module({ imports: [AuthModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
