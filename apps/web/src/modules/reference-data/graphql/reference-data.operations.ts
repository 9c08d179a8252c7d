import { graphql } from '../../../gql';

export const ReferenceDataQuery = graphql(`
  query ReferenceData {
    parties(includeArchived: true) { id code kind name nameEs archived version }
    organizations(includeArchived: true) { id acronym name archived version party { id code } }
    people(includeArchived: true) { id name title archived version organization { id acronym } }
    themes(includeArchived: true) { id slug name nameEs archived version }
  }
`);

export const CountriesQuery = graphql(`
  query Countries {
    countries { code name nameEs party { id archived } }
  }
`);

export const WorkspaceStartQuery = graphql(`
  query WorkspaceStart {
    parties { id }
    agreements(first: 1) { totalCount }
  }
`);

export const AddCountryPartyMutation = graphql(`
  mutation AddCountryParty($input: AddCountryPartyInput!) {
    addCountryParty(input: $input) { party { id code kind name nameEs archived version } }
  }
`);

export const CreatePartyMutation = graphql(`
  mutation CreateParty($input: CreatePartyInput!) {
    createParty(input: $input) { party { id code kind name nameEs archived version } }
  }
`);

export const UpdatePartyMutation = graphql(`
  mutation UpdateParty($input: UpdatePartyInput!) {
    updateParty(input: $input) { party { id code kind name nameEs archived version } }
  }
`);

export const SetPartyArchivedMutation = graphql(`
  mutation SetPartyArchived($input: SetPartyArchivedInput!) {
    setPartyArchived(input: $input) { party { id archived version } }
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) { organization { id acronym name archived version party { id code } } }
  }
`);

export const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) { organization { id acronym name archived version party { id code } } }
  }
`);

export const SetOrganizationArchivedMutation = graphql(`
  mutation SetOrganizationArchived($input: SetOrganizationArchivedInput!) {
    setOrganizationArchived(input: $input) { organization { id archived version } }
  }
`);

export const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) { person { id name title archived version organization { id acronym } } }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) { person { id name title archived version organization { id acronym } } }
  }
`);

export const SetPersonArchivedMutation = graphql(`
  mutation SetPersonArchived($input: SetPersonArchivedInput!) {
    setPersonArchived(input: $input) { person { id archived version } }
  }
`);

export const CreateThemeMutation = graphql(`
  mutation CreateTheme($input: CreateThemeInput!) {
    createTheme(input: $input) { theme { id slug name nameEs archived version } }
  }
`);

export const UpdateThemeMutation = graphql(`
  mutation UpdateTheme($input: UpdateThemeInput!) {
    updateTheme(input: $input) { theme { id slug name nameEs archived version } }
  }
`);

export const SetThemeArchivedMutation = graphql(`
  mutation SetThemeArchived($input: SetThemeArchivedInput!) {
    setThemeArchived(input: $input) { theme { id archived version } }
  }
`);

export const LoadExampleDataMutation = graphql(`
  mutation LoadExampleData {
    loadExampleData { agreementCount commitmentCount }
  }
`);
