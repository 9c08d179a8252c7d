import { graphql } from '../../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      kind
      role
      permissions
      user { id name email locale }
      workspace { id name }
      memberships { role workspace { id name } }
    }
    # Where the live feed of changes starts: anything after it reaches the client.
    latestActivity: activity(first: 1) { edges { node { id } } }
  }
`);
