import { graphql } from '../../../gql';

/** What the commitment page shows: read once, then again with every change others make. */
export const CommitmentPageFragment = graphql(`
  fragment CommitmentPage on Commitment {
    id
    title
    description
    sourceQuote
    status
    overdue
    dueOn
    priority
    version
    archived
    createdAt
    updatedAt
    agreement { id title parties { code name } }
    parties { code name }
    themes { slug name }
    owner { id acronym name }
    ownerPerson { id name title }
    statusHistory(first: 100) {
      totalCount
      edges {
        node {
          id kind from to note reasonCode actor occurredOn createdAt commitmentVersion
          evidence { id title url publisher stance archived }
        }
      }
    }
    evidence(first: 100) {
      totalCount
      edges { node { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } } }
    }
    indicators {
      id name unit baselineOn description
      observations { id asOf value current note recordedAt recordedBy }
    }
    links {
      id kind direction
      commitment { id title status archived parties { code name } }
    }
    watched
    assignees { id name }
  }
`);

export const CommitmentQuery = graphql(`
  query Commitment($id: ID!) {
    commitment(id: $id) { ...CommitmentPage }
  }
`);

/** The whole page's worth of the commitment each time it, its evidence, figures, links or comments change. */
export const CommitmentChangedSubscription = graphql(`
  subscription CommitmentChanged($id: ID!) {
    commitmentChanged(id: $id) { ...CommitmentPage }
  }
`);
