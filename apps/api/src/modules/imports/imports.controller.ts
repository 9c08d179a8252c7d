import { Controller, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { DomainError, Permission } from '@pactwatch/domain';
import type { Request, Response } from 'express';
import { httpCaller, refuseHttp } from '../../common/http/http-caller';
import { CallerRateLimiter } from '../../common/security/caller-limits';
import { AuthService } from '../auth/auth.service';
import { IMPORT_MAX_BYTES, ImportsService } from './imports.service';

const fileError = (message: string) => DomainError.badInput([{ field: 'file', message }]);

/** The request body, up to `limit` bytes: a larger one is refused without being read whole. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw fileError(`The file is larger than ${limit / 1024 / 1024} MB: split it`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.unpipe();
      throw fileError(`The file is larger than ${limit / 1024 / 1024} MB: split it`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /import/commitments.csv` with the CSV file as the body (`content-type: text/csv`);
 * `?dryRun=true` checks every row and writes nothing. Needs WRITE. The answer is the report
 * (ImportReport): 200 when the file was applied or (dry run) checked, 400 with the report when
 * rows were refused, and a GraphQL-shaped error naming `file` when the file itself was.
 */
@Controller('import')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly auth: AuthService,
    private readonly rateLimiter: CallerRateLimiter,
  ) {}

  @Post(':file')
  @HttpCode(200)
  async import(@Param('file') file: string, @Query('dryRun') dryRun: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      if (file !== 'commitments.csv') throw DomainError.notFound('Import', file, 'file');
      if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw DomainError.badInput([{ field: 'dryRun', message: 'dryRun must be true or false' }]);
      const caller = await httpCaller(this.auth, this.rateLimiter, req, res, Permission.WRITE);
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'text/csv') throw fileError('Send the file as the body with content-type: text/csv');
      const body = await readBody(req, IMPORT_MAX_BYTES);
      const report = await this.imports.importCommitments(caller, body, dryRun === 'true');
      res.status(report.errors.length && !report.dryRun ? 400 : 200).json(report);
    } catch (err) {
      if (!res.headersSent) refuseHttp(res, err);
    }
  }
}
