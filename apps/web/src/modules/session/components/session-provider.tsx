import { ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { Client, Provider } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { changeLanguage, hasChosenLanguage, isLanguage } from '../../../i18n/i18n';
import { ActivityFeedProvider } from '../../live/components/activity-feed-provider';
import { LiveConnectionContext } from '../../live/components/live-connection-context';
import { createLiveConnection, LiveConnection, liveUrl } from '../../live/live-connection';
import { ErrorAlert } from '../../ui/error-alert';
import { Loading } from '../../ui/loading';
import { createGraphqlClient } from '../graphql/create-graphql-client';
import { MeQuery } from '../graphql/me.query';
import { useWhoAmI } from '../hooks/use-who-am-i';
import { SessionContext } from './session-context';

export interface SessionProviderProps {
  /** Shown instead of the app while nobody is signed in; receives `restart` to call after signing in. */
  signedOut: (restart: () => void) => ReactNode;
  children: ReactNode;
}

/** Owns the GraphQL client: every sign-in, sign-out or workspace switch starts a fresh one with an empty cache. */
export function SessionProvider({ signedOut, children }: SessionProviderProps) {
  const [generation, setGeneration] = useState(0);
  const restart = useCallback(() => setGeneration((g) => g + 1), []);
  const { client, live } = useMemo(() => {
    // Several failing queries may report the same lost session; only the first restarts.
    const onSessionLost = () => setGeneration((g) => (g === generation ? g + 1 : g));
    const connection: LiveConnection | null =
      typeof WebSocket === 'undefined'
        ? null
        : createLiveConnection(liveUrl(), () => {
            // The socket was refused: ask over HTTP whether the session is over before starting again,
            // so a proxy that only breaks WebSockets cannot send the client round in circles.
            void http
              .query(MeQuery, {}, { requestPolicy: 'network-only' })
              .toPromise()
              .then((r) => r.error?.graphQLErrors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED) && onSessionLost());
          });
    // Declared after the connection, called only once it is refused: `http` exists by then.
    const http: Client = createGraphqlClient({ onSessionLost, live: connection ?? undefined });
    return { client: http, live: connection };
  }, [generation]);
  // Every subscription of the old session ends with its socket.
  useEffect(() => () => live?.dispose(), [live]);
  return (
    <Provider value={client}>
      <LiveConnectionContext.Provider value={live}>
        <SessionGate key={generation} restart={restart} signedOut={signedOut}>
          {children}
        </SessionGate>
      </LiveConnectionContext.Provider>
    </Provider>
  );
}

interface SessionGateProps extends SessionProviderProps {
  restart: () => void;
}

function SessionGate({ restart, signedOut, children }: SessionGateProps) {
  const { me, latestActivityId, error, fetching } = useWhoAmI();
  const locale = me?.user?.locale;

  useEffect(() => {
    // A person's saved language applies until they pick one in this browser.
    if (!hasChosenLanguage() && isLanguage(locale)) changeLanguage(locale, false);
  }, [locale]);

  const value = useMemo(() => (me ? { me, restart } : null), [me, restart]);
  if (fetching && !me) return <Loading />;
  if (error?.graphQLErrors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) return <>{signedOut(restart)}</>;
  if (!value) return <ErrorAlert error={error} />;
  return (
    <SessionContext.Provider value={value}>
      <ActivityFeedProvider since={latestActivityId}>{children}</ActivityFeedProvider>
    </SessionContext.Provider>
  );
}
