import { graphql } from '../../../gql';

export const DashboardOverviewQuery = graphql(`
  query DashboardOverview {
    parties { id code name }
    themes { id slug name }
    all: commitments(first: 1) { totalCount }
    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {
      totalCount
      edges { node { id title status dueOn parties { code } owner { id acronym } } }
    }
  }
`);

export const RecentActivityQuery = graphql(`
  query RecentActivity($first: Int!) {
    activity(first: $first) {
      edges { node { ...ActivityFields } }
    }
  }
`);

/** One count per status for the commitments of a party or a theme. */
export const StatusCountsQuery = graphql(`
  query StatusCounts($partyCodes: [String!], $themes: [String!]) {
    announced: commitments(first: 1, filter: { status: [ANNOUNCED], partyCodes: $partyCodes, themes: $themes }) { totalCount }
    inProgress: commitments(first: 1, filter: { status: [IN_PROGRESS], partyCodes: $partyCodes, themes: $themes }) { totalCount }
    stalled: commitments(first: 1, filter: { status: [STALLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }
    partiallyFulfilled: commitments(first: 1, filter: { status: [PARTIALLY_FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }
    fulfilled: commitments(first: 1, filter: { status: [FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }
    broken: commitments(first: 1, filter: { status: [BROKEN], partyCodes: $partyCodes, themes: $themes }) { totalCount }
  }
`);
