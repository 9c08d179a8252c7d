import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DomainError, FieldViolation, neutraliseCsvCell, Permission } from '@pactwatch/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { coerceInputValue, GraphQLInputType } from 'graphql';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Caller } from '../../common/context/gql-context';
import { toViolations } from '../../common/errors/validation-exception.factory';
import { httpCaller, refuseHttp } from '../../common/http/http-caller';
import { CallerRateLimiter } from '../../common/security/caller-limits';
import { AuthService } from '../auth/auth.service';
import { meOf } from '../commitments/commitments.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { COMMITMENT_EXPORT_COLUMNS, ExportsService, STATUS_CHANGE_EXPORT_COLUMNS } from './exports.service';

type Format = 'csv' | 'json';
const WHAT = { commitments: COMMITMENT_EXPORT_COLUMNS, 'status-history': STATUS_CHANGE_EXPORT_COLUMNS } as const;
type What = keyof typeof WHAT;

/** A CSV cell: lists joined by spaces (codes, slugs and URLs hold none), empty for nothing, and never a formula. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutraliseCsvCell(value.join(' '));
  if (typeof value === 'string') return neutraliseCsvCell(value);
  return String(value);
}

/**
 * Commitments and their status history as CSV or JSON, streamed:
 * `GET /export/commitments.csv`, `/export/commitments.json`, `/export/status-history.csv`,
 * `/export/status-history.json`, optionally `?filter=` a CommitmentFilter as JSON (the list's
 * filter, as in the `commitments` query). Authenticated like /graphql: `Authorization: Bearer`
 * with a session token or API key, or the web client's session cookie; needs READ. Each request
 * counts once against the caller's rate limit.
 */
@Controller('export')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly auth: AuthService,
    private readonly rateLimiter: CallerRateLimiter,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get(':file')
  async export(@Param('file') file: string, @Query('filter') filterParam: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    let caller: Caller;
    let filter: CommitmentFilter | null;
    let what: What;
    let format: Format;
    try {
      const match = /^(commitments|status-history)\.(csv|json)$/.exec(file);
      if (!match) throw DomainError.notFound('Export', file, 'file');
      [what, format] = [match[1] as What, match[2] as Format];
      caller = await httpCaller(this.auth, this.rateLimiter, req, res, Permission.READ);
      filter = await this.filter(filterParam);
      meOf(caller, filter); // refuses assignedToMe from an API key before the headers go out
    } catch (err) {
      return refuseHttp(res, err);
    }
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-disposition', `attachment; filename="pactwatch-${what}-${day}.${format}"`);
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    const pages = what === 'commitments' ? this.exports.commitments(caller, filter) : this.exports.statusHistory(caller, filter);
    const columns = WHAT[what] as readonly string[];
    try {
      if (format === 'csv') {
        const rows = async function* () {
          for await (const page of pages) for (const row of page) yield columns.map((c) => csvCell((row as unknown as Record<string, unknown>)[c]));
        };
        // A byte order mark, so that spreadsheet programs read UTF-8 (accents) as such.
        await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...columns], bom: true }), res);
      } else {
        const chunks = async function* () {
          let first = true;
          yield '[';
          for await (const page of pages) {
            let text = '';
            for (const row of page) {
              text += `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
              first = false;
            }
            yield text;
          }
          yield first ? ']\n' : '\n]\n';
        };
        await pipeline(Readable.from(chunks()), res);
      }
    } catch {
      // The headers are out: all that can be done is to cut the download short, so it is not taken for whole.
      res.destroy();
    }
  }

  /** The `filter` parameter: JSON of a CommitmentFilter, checked as the GraphQL input is (its types, then its rules). */
  private async filter(param: unknown): Promise<CommitmentFilter | null> {
    if (param === undefined || param === '') return null;
    const bad = (violations: FieldViolation[]) => DomainError.badInput(violations);
    if (typeof param !== 'string') throw bad([{ field: 'filter', message: 'filter must be given once, as JSON' }]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(param);
    } catch {
      throw bad([{ field: 'filter', message: 'filter must be a CommitmentFilter written as JSON' }]);
    }
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    const violations: FieldViolation[] = [];
    const coerced = coerceInputValue(parsed, schema.getType('CommitmentFilter') as GraphQLInputType, (path, _value, error) => {
      violations.push({ field: ['filter', ...path].join('.').replace(/\.(\d+)/g, '[$1]'), message: error.message });
    });
    if (violations.length) throw bad(violations);
    const instance = plainToInstance(CommitmentFilter, coerced as object);
    const errors = await validate(instance, { whitelist: true });
    if (errors.length) throw bad(toViolations(errors, 'filter'));
    return instance;
  }
}
