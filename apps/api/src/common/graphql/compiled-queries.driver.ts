import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

/** What Apollo Server was handed: whether each of the options that exclude one another was set. */
export interface HandedToApollo {
  gateway: boolean;
  schema: boolean;
  typeDefs: boolean;
  resolvers: boolean;
}

/**
 * Nest's ApolloDriver, but handing Apollo Server a gateway the way Apollo's constructor types ask
 * (ApolloServerOptionsWithGateway): the gateway alone, with no `schema`, `typeDefs` or `resolvers`
 * beside it. The gateway (CompiledQueryExecutor) serves the schema Nest built, so Apollo still
 * validates against it; Nest keeps the schema for everything else it does with it (the
 * subscriptions over graphql-ws, the schema file). Without a gateway (the jit piece off) the
 * options go through unchanged.
 *
 * `registerServer` is a public method of Nest's driver; GraphQLModule creates the driver from the
 * `driver` option (a class, as with any custom driver).
 */
@Injectable()
export class CompiledQueriesApolloDriver extends ApolloDriver {
  /** What the last registerServer handed Apollo Server (the start-up tests read it). */
  handedToApollo?: HandedToApollo;

  constructor(modulesContainer: ModulesContainer) {
    super(modulesContainer);
  }

  override async registerServer(options: ApolloDriverConfig): Promise<void> {
    const withGateway = 'gateway' in options && (options as { gateway?: unknown }).gateway !== undefined;
    const handed: ApolloDriverConfig = withGateway ? { ...options, schema: undefined, typeDefs: undefined, resolvers: undefined } : options;
    this.handedToApollo = {
      gateway: withGateway,
      schema: handed.schema !== undefined,
      typeDefs: handed.typeDefs !== undefined,
      resolvers: handed.resolvers !== undefined,
    };
    return super.registerServer(handed);
  }
}
