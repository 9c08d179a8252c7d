import { graphql } from '../../../gql';

/** Who is looking at the commitment: the list now, then again whenever it changes. Subscribing counts you in. */
export const PresenceSubscription = graphql(`
  subscription Presence($commitmentId: ID!) {
    presence(commitmentId: $commitmentId) { since user { id name } }
  }
`);
