import { graphql } from '../../../gql';

/**
 * Everything the dashboard draws, in one request: totals, the overdue list, the status charts by
 * party and by theme (counted by the server), the newest changes, and whether the workspace is
 * still empty (getting started).
 */
export const DashboardOverviewQuery = graphql(`
  query DashboardOverview($recent: Int!) {
    parties { id code name }
    themes { id slug name }
    all: commitments(first: 1) { totalCount }
    agreements(first: 1) { totalCount }
    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {
      totalCount
      edges { node { id title status dueOn parties { code } owner { id acronym } } }
    }
    byParty: commitmentStatusCounts(groupBy: PARTY) { ...StatusCountGroupFields }
    byTheme: commitmentStatusCounts(groupBy: THEME) { ...StatusCountGroupFields }
    activity(first: $recent) {
      edges { node { ...ActivityFields } }
    }
  }

  fragment StatusCountGroupFields on StatusCountGroup {
    key
    counts { status count }
  }
`);
