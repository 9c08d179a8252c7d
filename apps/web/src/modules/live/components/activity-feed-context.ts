import { createContext } from 'react';
import type { ActivityFieldsFragment } from '../../../gql/graphql';

export type LiveActivity = ActivityFieldsFragment;
export type ActivityListener = (activity: LiveActivity) => void;

export interface ActivityFeed {
  /** Adds a listener for every new change of the workspace; returns the way to remove it. */
  listen: (listener: ActivityListener) => () => void;
}

export const ActivityFeedContext = createContext<ActivityFeed | null>(null);
