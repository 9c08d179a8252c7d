import { useMutation } from 'urql';
import type { DigestScheduleInput } from '../../../gql/graphql';
import { UpdateMyDigestSubscriptionMutation } from '../graphql/digests.operations';

export function useChangeDigestSettings() {
  const [state, execute] = useMutation(UpdateMyDigestSubscriptionMutation);
  // The preview depends on these settings (language, time zone): it is read again after a change.
  const changeDigestSettings = (input: DigestScheduleInput) => execute({ input }, { additionalTypenames: ['DigestPreview'] });
  return { changeDigestSettings, fetching: state.fetching, error: state.error };
}
