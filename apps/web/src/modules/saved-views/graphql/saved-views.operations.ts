import { graphql } from '../../../gql';

export const SavedViewsQuery = graphql(`
  query SavedViews {
    savedViews { id name filter order shared mine ownerName version }
  }
`);

export const SaveViewMutation = graphql(`
  mutation SaveView($input: SaveViewInput!) {
    saveView(input: $input) { view { id name filter order shared mine ownerName version } }
  }
`);

export const UpdateViewMutation = graphql(`
  mutation UpdateView($input: UpdateViewInput!) {
    updateView(input: $input) { view { id name filter order shared mine ownerName version } }
  }
`);

export const DeleteViewMutation = graphql(`
  mutation DeleteView($input: DeleteViewInput!) {
    deleteView(input: $input) { removedViewId }
  }
`);
