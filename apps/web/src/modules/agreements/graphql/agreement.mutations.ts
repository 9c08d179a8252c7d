import { graphql } from '../../../gql';

/** What the agreement form reads and edits. */
export const AgreementFormFragment = graphql(`
  fragment AgreementForm on Agreement {
    id title kind heldOn signedOn inForceOn place summary version archived updatedAt
    parties { code name }
    participants { id name }
  }
`);

export const CreateAgreementMutation = graphql(`
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) { agreement { ...AgreementForm } }
  }
`);

export const UpdateAgreementMutation = graphql(`
  mutation UpdateAgreement($input: UpdateAgreementInput!) {
    updateAgreement(input: $input) { agreement { ...AgreementForm } }
  }
`);

export const ArchiveAgreementMutation = graphql(`
  mutation ArchiveAgreement($input: ArchiveAgreementInput!) {
    archiveAgreement(input: $input) { agreement { id version archived } }
  }
`);

export const RestoreAgreementMutation = graphql(`
  mutation RestoreAgreement($input: RestoreAgreementInput!) {
    restoreAgreement(input: $input) { agreement { id version archived } }
  }
`);

/** The parties and people an agreement can name. */
export const AgreementFormOptionsQuery = graphql(`
  query AgreementFormOptions {
    parties { id code name }
    people { id name title }
  }
`);
