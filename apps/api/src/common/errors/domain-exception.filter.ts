import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Errors of GraphQL operations go straight to the GraphQL error formatter, which gives each its
 * code and logs the unexpected ones once, safely (see loggableError). Nest's default handler would
 * log domain errors (expected answers: bad input, not found, conflict) as faults, and log other
 * errors whole: a TypeORM QueryFailedError with the statement's parameters. HTTP routes keep
 * Nest's own handling.
 */
@Catch()
export class DomainExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
