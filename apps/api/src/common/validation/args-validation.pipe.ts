import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { validationExceptionFactory } from '../errors/validation-exception.factory';

// GqlParamtype.ARGS of @nestjs/graphql (not exported from its index): the arguments a client sent.
const GQL_ARGS = 3;

/**
 * class-validator on what clients send (GraphQL arguments, HTTP bodies and queries) and nothing
 * else. A plain ValidationPipe also validates every resolved parent object (@Parent() is not a
 * "custom" parameter), turning each of thousands of nested rows into a class instance per field.
 */
export class ArgsValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, whitelist: true, exceptionFactory: validationExceptionFactory });
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const type = metadata.type as unknown;
    return (type === GQL_ARGS || type === 'body' || type === 'query') && super.toValidate(metadata);
  }
}
