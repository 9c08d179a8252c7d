import { graphql } from '../../../gql';

/** One entry of the change feed, as the dashboard lists it and the live feed delivers it. */
export const ActivityFieldsFragment = graphql(`
  fragment ActivityFields on Activity {
    id verb subjectType subjectId subjectTitle actorLabel before after createdAt
  }
`);
