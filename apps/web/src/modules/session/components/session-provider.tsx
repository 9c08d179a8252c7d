import { ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { changeLanguage, hasChosenLanguage, isLanguage } from '../../../i18n/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { Loading } from '../../ui/loading';
import { createGraphqlClient } from '../graphql/create-graphql-client';
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
  const client = useMemo(
    // Several failing queries may report the same lost session; only the first restarts.
    () => createGraphqlClient({ onSessionLost: () => setGeneration((g) => (g === generation ? g + 1 : g)) }),
    [generation],
  );
  return (
    <Provider value={client}>
      <SessionGate key={generation} restart={restart} signedOut={signedOut}>
        {children}
      </SessionGate>
    </Provider>
  );
}

interface SessionGateProps extends SessionProviderProps {
  restart: () => void;
}

function SessionGate({ restart, signedOut, children }: SessionGateProps) {
  const { me, error, fetching } = useWhoAmI();
  const locale = me?.user?.locale;

  useEffect(() => {
    // A person's saved language applies until they pick one in this browser.
    if (!hasChosenLanguage() && isLanguage(locale)) changeLanguage(locale, false);
  }, [locale]);

  const value = useMemo(() => (me ? { me, restart } : null), [me, restart]);
  if (fetching && !me) return <Loading />;
  if (error?.graphQLErrors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) return <>{signedOut(restart)}</>;
  if (!value) return <ErrorAlert error={error} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
