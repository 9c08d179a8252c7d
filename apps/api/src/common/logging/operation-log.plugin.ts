import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { GqlContext } from '../context/gql-context';
import { noteOperation } from './logging';

/** Names the GraphQL operation on the request's log line: its name, or else its root fields ("me,commitments"). */
export function operationLogPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          noteOperation(contextValue.req, (operation.name?.value ?? fields.join(',')).slice(0, 100));
        },
      };
    },
  };
}
