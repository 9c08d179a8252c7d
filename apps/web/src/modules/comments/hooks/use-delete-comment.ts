import { useMutation } from 'urql';
import { DeleteCommentMutation } from '../graphql/comments.operations';

export function useDeleteComment() {
  const [state, execute] = useMutation(DeleteCommentMutation);
  const deleteComment = (commentId: string) => execute({ input: { commentId } });
  return { deleteComment, fetching: state.fetching, error: state.error };
}
