import { graphql } from '../../../gql';

export const MembersQuery = graphql(`
  query Members {
    members { role createdAt user { id name email } }
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations { id email role createdAt expiresAt acceptedAt revokedAt }
  }
`);
