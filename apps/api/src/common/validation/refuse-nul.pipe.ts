import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, FieldViolation } from '@pactwatch/domain';

// GqlParamtype.ARGS of @nestjs/graphql (not exported from its index): the arguments a client sent.
const GQL_ARGS = 3;
const CLIENT_INPUT: ReadonlySet<unknown> = new Set([GQL_ARGS, 'body', 'query', 'param']);

function nulFields(value: unknown, path: string, out: FieldViolation[], depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path || 'input', message: `${path || 'input'} must not contain the NUL character` });
  } else if (Array.isArray(value)) {
    if (depth < 10) value.forEach((v, i) => nulFields(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object' && depth < 10) {
    for (const [k, v] of Object.entries(value)) nulFields(v, path ? `${path}.${k}` : k, out, depth + 1);
  }
}

/**
 * PostgreSQL text cannot hold U+0000: such a value would fail deep in SQL as an INTERNAL error.
 * Refuse it at the edge instead, as bad input naming the field (`title`, `newEvidence[0].url`).
 */
@Injectable()
export class RefuseNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CLIENT_INPUT.has(metadata.type)) return value;
    const violations: FieldViolation[] = [];
    // A named argument (@Args('input')) is the root its fields are named from, as class-validator does.
    nulFields(value, metadata.data && typeof value !== 'object' ? metadata.data : '', violations);
    if (violations.length) throw DomainError.badInput(violations);
    return value;
  }
}
