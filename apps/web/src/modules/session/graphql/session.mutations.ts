import { graphql } from '../../../gql';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { expiresAt user { id locale } workspace { id } }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut { done }
  }
`);

export const SwitchWorkspaceMutation = graphql(`
  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {
    switchWorkspace(input: $input) { expiresAt workspace { id name } }
  }
`);
