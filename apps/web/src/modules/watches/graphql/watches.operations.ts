import { graphql } from '../../../gql';

export const MyWatchesQuery = graphql(`
  query MyWatches {
    me { watches { id subjectType subjectId } }
  }
`);

export const WatchMutation = graphql(`
  mutation Watch($input: WatchInput!) {
    watch(input: $input) { watch { id subjectType subjectId } }
  }
`);

export const UnwatchMutation = graphql(`
  mutation Unwatch($input: UnwatchInput!) {
    unwatch(input: $input) { removedWatchId }
  }
`);
