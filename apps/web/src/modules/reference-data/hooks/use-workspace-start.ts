import { useQuery } from 'urql';
import { WorkspaceStartQuery } from '../graphql/reference-data.operations';

/** Whether the workspace is still empty: no party, or no agreement yet. `pause`: the caller already knows (the dashboard reads it in its own request). */
export function useWorkspaceStart({ pause = false }: { pause?: boolean } = {}) {
  const [{ data, error }, reexecute] = useQuery({ query: WorkspaceStartQuery, requestPolicy: 'cache-and-network', pause });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return {
    ready: Boolean(data),
    partyCount: data?.parties.length ?? 0,
    agreementCount: data?.agreements.totalCount ?? 0,
    error,
    refresh,
  };
}
