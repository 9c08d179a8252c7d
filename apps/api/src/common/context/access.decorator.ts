import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Permission } from '@pactwatch/domain';

/**
 * Who may call an operation. Every query and mutation declares one; the guard refuses those
 * that do not.
 * - PUBLIC: anyone (sign-in, password reset, accepting an invitation);
 * - SIGNED_IN: any person or API key, whatever its workspace (`me`);
 * - PERSON: a signed-in person, not an API key (sign-out, password change);
 * - a Permission: a caller holding it in the selected workspace.
 */
export type AccessRule = 'PUBLIC' | 'SIGNED_IN' | 'PERSON' | Permission;

export const ACCESS_KEY = 'pactwatch:access';
export const PERSON_ONLY_KEY = 'pactwatch:person-only';

/** `person: true` also refuses API keys: for what only people have (watches, digest settings). */
export const Access = (rule: AccessRule, options: { person?: boolean } = {}) =>
  applyDecorators(SetMetadata(ACCESS_KEY, rule), SetMetadata(PERSON_ONLY_KEY, options.person === true));
