import { graphql } from '../../../gql';

export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id body bodyHtml createdAt editedAt deleted subjectType subjectId
    author { id name }
    mentions { id name }
  }
`);

export const CommentsQuery = graphql(`
  query Comments($subjectId: ID!, $first: Int!, $after: String) {
    comments(subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...CommentFields } }
    }
  }
`);

export const MemberSearchQuery = graphql(`
  query MemberSearch($query: String!, $first: Int!) {
    memberSearch(query: $query, first: $first) { id name }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) { comment { ...CommentFields } }
  }
`);

export const EditCommentMutation = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) { comment { ...CommentFields } }
  }
`);

export const DeleteCommentMutation = graphql(`
  mutation DeleteComment($input: DeleteCommentInput!) {
    deleteComment(input: $input) { comment { ...CommentFields } }
  }
`);
