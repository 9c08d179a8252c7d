import { useMutation } from 'urql';
import type { AddCommentInput } from '../../../gql/graphql';
import { AddCommentMutation } from '../graphql/comments.operations';

export function useAddComment() {
  const [state, execute] = useMutation(AddCommentMutation);
  const addComment = (input: AddCommentInput) => execute({ input });
  return { addComment, fetching: state.fetching, error: state.error };
}
