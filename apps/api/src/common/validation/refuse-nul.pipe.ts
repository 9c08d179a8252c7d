import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { checkStorableText, DomainError, FieldViolation } from '@pactwatch/domain';

// GqlParamtype.ARGS of @nestjs/graphql (not exported from its index): the arguments a client sent.
const GQL_ARGS = 3;
const CLIENT_INPUT: ReadonlySet<unknown> = new Set([GQL_ARGS, 'body', 'query', 'param']);

function unstorableFields(value: unknown, path: string, out: FieldViolation[], depth = 0): void {
  if (typeof value === 'string') {
    const violation = checkStorableText(path || 'input', value);
    if (violation) out.push(violation);
  } else if (Array.isArray(value)) {
    if (depth < 10) value.forEach((v, i) => unstorableFields(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object' && depth < 10) {
    for (const [k, v] of Object.entries(value)) unstorableFields(v, path ? `${path}.${k}` : k, out, depth + 1);
  }
}

/**
 * PostgreSQL text cannot hold U+0000 nor a lone UTF-16 surrogate: such a value would fail deep in
 * SQL as an INTERNAL error. Refuse it at the edge instead, as bad input naming the field (`title`,
 * `newEvidence[0].url`), with the rule of libs/domain (checkStorableText).
 */
@Injectable()
export class RefuseNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CLIENT_INPUT.has(metadata.type)) return value;
    const violations: FieldViolation[] = [];
    // A named argument (@Args('input')) is the root its fields are named from, as class-validator does.
    unstorableFields(value, metadata.data && typeof value !== 'object' ? metadata.data : '', violations);
    if (violations.length) throw DomainError.badInput(violations);
    return value;
  }
}
