import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@pactwatch/domain';

/**
 * Domain errors are expected answers (bad input, not found, conflict), not server faults: hand
 * them straight to the GraphQL error formatter, without Nest logging them as errors.
 */
@Catch(DomainError)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainError): DomainError {
    return exception;
  }
}
