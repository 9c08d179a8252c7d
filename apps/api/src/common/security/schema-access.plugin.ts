import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import type { Response } from 'express';
import { DocumentNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { AuthedRequest, GqlContext } from '../context/gql-context';
import { Principal } from '../context/principal';
import { requestRefusal } from '../errors/request-refusal';

/** The auth guard's authentication (AuthService.authenticate): null without credentials, rejected when they are refused. */
export type Authenticate = (req: AuthedRequest, res: Response) => Promise<Principal | null>;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
// graphql-js's hint in validation and input-coercion messages, as Apollo's DisableSuggestions plugin strips it.
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** Whether the operation asks for `__schema` or `__type` (root fields only; fragments followed). */
export function asksForSchema(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return INTROSPECTION_ROOTS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return inSet(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return inSet(fragment.selectionSet);
    });
  return inSet(operation.selectionSet);
}

/**
 * The schema is for callers who proved who they are (a session or an API key: other systems
 * generate their clients from it). An anonymous introspection query is refused UNAUTHENTICATED
 * before it runs, and anonymous callers' error messages lose graphql-js's "Did you mean …?"
 * hints, which would otherwise spell the schema out one guess at a time.
 *
 * The principal is the one the auth guard uses, cached on the request (`req.principal`).
 */
export function schemaAccessPlugin(authenticate: Authenticate): ApolloServerPlugin<GqlContext> {
  const principalOf = ({ req, res }: GqlContext) => (req.principal ??= authenticate(req, res));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (!operation || !asksForSchema(document, operation)) return;
          const principal = await principalOf(contextValue).catch((err: unknown) => {
            if (err instanceof DomainError) throw requestRefusal(err, 401);
            throw err;
          });
          if (!principal) {
            throw requestRefusal(new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API key as Authorization: Bearer, to read the schema'), 401);
          }
        },
        async didEncounterErrors({ contextValue, errors }) {
          if (!errors.some((e) => SUGGESTION.test(e.message))) return;
          if (await principalOf(contextValue).catch(() => null)) return;
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
