import { graphql } from '../../../gql';

/** Who, if anyone, is signed in on a page open to everyone (an emailed link). */
export const SignedInPersonQuery = graphql(`
  query SignedInPerson {
    me { kind user { id name email locale } }
  }
`);
