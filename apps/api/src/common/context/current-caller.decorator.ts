import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Caller, GqlContext } from './gql-context';

/** The caller of a GraphQL operation: its workspace and actor. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const { workspaceId, actor } = GqlExecutionContext.create(ctx).getContext<GqlContext>();
  return { workspaceId, actor };
});

/** The per-request DataLoaders. */
export const Loaders = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => GqlExecutionContext.create(ctx).getContext<GqlContext>().loaders,
);
