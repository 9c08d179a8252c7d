import { createContext } from 'react';
import type { MeQuery } from '../../../gql/graphql';

export type Me = MeQuery['me'];

export interface SessionValue {
  me: Me;
  /** Drops every cached answer and asks the server who we are again (after sign-in, sign-out, switching workspace). */
  restart: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);
