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
  }
`);
