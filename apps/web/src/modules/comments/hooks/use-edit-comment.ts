import { useMutation } from 'urql';
import type { EditCommentInput } from '../../../gql/graphql';
import { EditCommentMutation } from '../graphql/comments.operations';

export function useEditComment() {
  const [state, execute] = useMutation(EditCommentMutation);
  const editComment = (input: EditCommentInput) => execute({ input });
  return { editComment, fetching: state.fetching, error: state.error };
}
