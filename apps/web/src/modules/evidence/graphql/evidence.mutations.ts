import { graphql } from '../../../gql';

export const DetachEvidenceMutation = graphql(`
  mutation DetachEvidence($input: DetachEvidenceInput!) {
    detachEvidence(input: $input) { evidence { id } commitment { id } agreement { id } }
  }
`);

export const ArchiveEvidenceMutation = graphql(`
  mutation ArchiveEvidence($input: ArchiveEvidenceInput!) {
    archiveEvidence(input: $input) { evidence { id version archived } }
  }
`);

export const UpdateEvidenceMutation = graphql(`
  mutation UpdateEvidence($input: UpdateEvidenceInput!) {
    updateEvidence(input: $input) { evidence { id title url publisher publishedOn kind stance version archiveUrl linkCheck { state statusCode checkedAt } } }
  }
`);
