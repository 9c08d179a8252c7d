import { graphql } from '../../../gql';

export const AddEvidenceMutation = graphql(`
  mutation AddEvidence($input: AddEvidenceInput!) {
    addEvidence(input: $input) {
      evidence { id title url }
      commitment { id version }
    }
  }
`);
