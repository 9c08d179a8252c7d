import { useMutation } from 'urql';
import type { LinkCommitmentsInput } from '../../../gql/graphql';
import { LinkCommitmentsMutation, UnlinkCommitmentsMutation } from '../graphql/commitment.mutations';

export function useLinkCommitments() {
  const [state, execute] = useMutation(LinkCommitmentsMutation);
  return { linkCommitments: (input: LinkCommitmentsInput) => execute({ input }), fetching: state.fetching };
}

export function useUnlinkCommitments() {
  const [state, execute] = useMutation(UnlinkCommitmentsMutation);
  return { unlinkCommitments: (linkId: string) => execute({ input: { linkId } }), fetching: state.fetching };
}
