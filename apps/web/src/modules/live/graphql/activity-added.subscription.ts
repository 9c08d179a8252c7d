import { graphql } from '../../../gql';

/** Every change of the workspace as it commits; `since` replays those after the last one seen first. */
export const ActivityAddedSubscription = graphql(`
  subscription ActivityAdded($since: ID) {
    activityAdded(since: $since) { ...ActivityFields }
  }
`);
