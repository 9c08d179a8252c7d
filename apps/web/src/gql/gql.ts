/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n": typeof types.AgreementListDocument,
    "\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor createdAt } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AgreementDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scope } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name } }\n      }\n    }\n  }\n": typeof types.CommitmentListDocument,
    "\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n  }\n": typeof types.CommitmentFilterOptionsDocument,
    "\n  query Commitment($id: ID!) {\n    commitment(id: $id) {\n      id\n      title\n      description\n      sourceQuote\n      status\n      overdue\n      dueOn\n      priority\n      version\n      createdAt\n      updatedAt\n      agreement { id title }\n      parties { code name }\n      themes { slug name }\n      owner { id acronym name }\n      ownerPerson { id name title }\n      statusHistory(first: 100) {\n        totalCount\n        edges {\n          node {\n            id from to note reasonCode actor createdAt commitmentVersion\n            evidence { id title url publisher stance }\n          }\n        }\n      }\n      evidence(first: 100) {\n        totalCount\n        edges { node { id title url publisher publishedOn kind stance addedBy createdAt } }\n      }\n      indicators {\n        id name unit baselineOn description\n        observations { id asOf value current note recordedAt recordedBy }\n      }\n      links {\n        id kind direction\n        commitment { id title status parties { code name } }\n      }\n    }\n  }\n": typeof types.CommitmentDocument,
    "\n  query DashboardOverview {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n  }\n": typeof types.DashboardOverviewDocument,
    "\n  query RecentActivity($first: Int!) {\n    activity(first: $first) {\n      edges { node { id verb subjectType subjectId actorLabel before after createdAt } }\n    }\n  }\n": typeof types.RecentActivityDocument,
    "\n  query StatusCounts($partyCodes: [String!], $themes: [String!]) {\n    announced: commitments(first: 1, filter: { status: [ANNOUNCED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    inProgress: commitments(first: 1, filter: { status: [IN_PROGRESS], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    stalled: commitments(first: 1, filter: { status: [STALLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    partiallyFulfilled: commitments(first: 1, filter: { status: [PARTIALLY_FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    fulfilled: commitments(first: 1, filter: { status: [FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    broken: commitments(first: 1, filter: { status: [BROKEN], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n  }\n": typeof types.StatusCountsDocument,
    "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n": typeof types.AddEvidenceDocument,
    "\n  mutation RecordObservation($input: RecordObservationInput!) {\n    recordObservation(input: $input) {\n      observation { id asOf value current }\n      indicator { id }\n    }\n  }\n": typeof types.RecordObservationDocument,
    "\n  mutation CreateIndicator($input: CreateIndicatorInput!) {\n    createIndicator(input: $input) { indicator { id name unit } }\n  }\n": typeof types.CreateIndicatorDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { invitation { id email role expiresAt } }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { id revokedAt } }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { membership { role user { id } } }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedUserId }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Members {\n    members { role createdAt user { id name email } }\n  }\n": typeof types.MembersDocument,
    "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n": typeof types.InvitationsDocument,
    "\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { expiresAt user { id locale } workspace { id } }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { done }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) { expiresAt workspace { id name } }\n  }\n": typeof types.SwitchWorkspaceDocument,
    "\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note createdAt }\n    }\n  }\n": typeof types.ChangeCommitmentStatusDocument,
};
const documents: Documents = {
    "\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n": types.AgreementListDocument,
    "\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor createdAt } } }\n          }\n        }\n      }\n    }\n  }\n": types.AgreementDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scope } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name } }\n      }\n    }\n  }\n": types.CommitmentListDocument,
    "\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n  }\n": types.CommitmentFilterOptionsDocument,
    "\n  query Commitment($id: ID!) {\n    commitment(id: $id) {\n      id\n      title\n      description\n      sourceQuote\n      status\n      overdue\n      dueOn\n      priority\n      version\n      createdAt\n      updatedAt\n      agreement { id title }\n      parties { code name }\n      themes { slug name }\n      owner { id acronym name }\n      ownerPerson { id name title }\n      statusHistory(first: 100) {\n        totalCount\n        edges {\n          node {\n            id from to note reasonCode actor createdAt commitmentVersion\n            evidence { id title url publisher stance }\n          }\n        }\n      }\n      evidence(first: 100) {\n        totalCount\n        edges { node { id title url publisher publishedOn kind stance addedBy createdAt } }\n      }\n      indicators {\n        id name unit baselineOn description\n        observations { id asOf value current note recordedAt recordedBy }\n      }\n      links {\n        id kind direction\n        commitment { id title status parties { code name } }\n      }\n    }\n  }\n": types.CommitmentDocument,
    "\n  query DashboardOverview {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n  }\n": types.DashboardOverviewDocument,
    "\n  query RecentActivity($first: Int!) {\n    activity(first: $first) {\n      edges { node { id verb subjectType subjectId actorLabel before after createdAt } }\n    }\n  }\n": types.RecentActivityDocument,
    "\n  query StatusCounts($partyCodes: [String!], $themes: [String!]) {\n    announced: commitments(first: 1, filter: { status: [ANNOUNCED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    inProgress: commitments(first: 1, filter: { status: [IN_PROGRESS], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    stalled: commitments(first: 1, filter: { status: [STALLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    partiallyFulfilled: commitments(first: 1, filter: { status: [PARTIALLY_FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    fulfilled: commitments(first: 1, filter: { status: [FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    broken: commitments(first: 1, filter: { status: [BROKEN], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n  }\n": types.StatusCountsDocument,
    "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n": types.AddEvidenceDocument,
    "\n  mutation RecordObservation($input: RecordObservationInput!) {\n    recordObservation(input: $input) {\n      observation { id asOf value current }\n      indicator { id }\n    }\n  }\n": types.RecordObservationDocument,
    "\n  mutation CreateIndicator($input: CreateIndicatorInput!) {\n    createIndicator(input: $input) { indicator { id name unit } }\n  }\n": types.CreateIndicatorDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { invitation { id email role expiresAt } }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { id revokedAt } }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { membership { role user { id } } }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedUserId }\n  }\n": types.RemoveMemberDocument,
    "\n  query Members {\n    members { role createdAt user { id name email } }\n  }\n": types.MembersDocument,
    "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n": types.InvitationsDocument,
    "\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { expiresAt user { id locale } workspace { id } }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { done }\n  }\n": types.SignOutDocument,
    "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) { expiresAt workspace { id name } }\n  }\n": types.SwitchWorkspaceDocument,
    "\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note createdAt }\n    }\n  }\n": types.ChangeCommitmentStatusDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor createdAt } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor createdAt } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scope } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scope } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n  }\n"): (typeof documents)["\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Commitment($id: ID!) {\n    commitment(id: $id) {\n      id\n      title\n      description\n      sourceQuote\n      status\n      overdue\n      dueOn\n      priority\n      version\n      createdAt\n      updatedAt\n      agreement { id title }\n      parties { code name }\n      themes { slug name }\n      owner { id acronym name }\n      ownerPerson { id name title }\n      statusHistory(first: 100) {\n        totalCount\n        edges {\n          node {\n            id from to note reasonCode actor createdAt commitmentVersion\n            evidence { id title url publisher stance }\n          }\n        }\n      }\n      evidence(first: 100) {\n        totalCount\n        edges { node { id title url publisher publishedOn kind stance addedBy createdAt } }\n      }\n      indicators {\n        id name unit baselineOn description\n        observations { id asOf value current note recordedAt recordedBy }\n      }\n      links {\n        id kind direction\n        commitment { id title status parties { code name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Commitment($id: ID!) {\n    commitment(id: $id) {\n      id\n      title\n      description\n      sourceQuote\n      status\n      overdue\n      dueOn\n      priority\n      version\n      createdAt\n      updatedAt\n      agreement { id title }\n      parties { code name }\n      themes { slug name }\n      owner { id acronym name }\n      ownerPerson { id name title }\n      statusHistory(first: 100) {\n        totalCount\n        edges {\n          node {\n            id from to note reasonCode actor createdAt commitmentVersion\n            evidence { id title url publisher stance }\n          }\n        }\n      }\n      evidence(first: 100) {\n        totalCount\n        edges { node { id title url publisher publishedOn kind stance addedBy createdAt } }\n      }\n      indicators {\n        id name unit baselineOn description\n        observations { id asOf value current note recordedAt recordedBy }\n      }\n      links {\n        id kind direction\n        commitment { id title status parties { code name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOverview {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n  }\n"): (typeof documents)["\n  query DashboardOverview {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentActivity($first: Int!) {\n    activity(first: $first) {\n      edges { node { id verb subjectType subjectId actorLabel before after createdAt } }\n    }\n  }\n"): (typeof documents)["\n  query RecentActivity($first: Int!) {\n    activity(first: $first) {\n      edges { node { id verb subjectType subjectId actorLabel before after createdAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusCounts($partyCodes: [String!], $themes: [String!]) {\n    announced: commitments(first: 1, filter: { status: [ANNOUNCED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    inProgress: commitments(first: 1, filter: { status: [IN_PROGRESS], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    stalled: commitments(first: 1, filter: { status: [STALLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    partiallyFulfilled: commitments(first: 1, filter: { status: [PARTIALLY_FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    fulfilled: commitments(first: 1, filter: { status: [FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    broken: commitments(first: 1, filter: { status: [BROKEN], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n  }\n"): (typeof documents)["\n  query StatusCounts($partyCodes: [String!], $themes: [String!]) {\n    announced: commitments(first: 1, filter: { status: [ANNOUNCED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    inProgress: commitments(first: 1, filter: { status: [IN_PROGRESS], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    stalled: commitments(first: 1, filter: { status: [STALLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    partiallyFulfilled: commitments(first: 1, filter: { status: [PARTIALLY_FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    fulfilled: commitments(first: 1, filter: { status: [FULFILLED], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n    broken: commitments(first: 1, filter: { status: [BROKEN], partyCodes: $partyCodes, themes: $themes }) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n"): (typeof documents)["\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordObservation($input: RecordObservationInput!) {\n    recordObservation(input: $input) {\n      observation { id asOf value current }\n      indicator { id }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordObservation($input: RecordObservationInput!) {\n    recordObservation(input: $input) {\n      observation { id asOf value current }\n      indicator { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIndicator($input: CreateIndicatorInput!) {\n    createIndicator(input: $input) { indicator { id name unit } }\n  }\n"): (typeof documents)["\n  mutation CreateIndicator($input: CreateIndicatorInput!) {\n    createIndicator(input: $input) { indicator { id name unit } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { invitation { id email role expiresAt } }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { invitation { id email role expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { id revokedAt } }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { id revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { membership { role user { id } } }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { membership { role user { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedUserId }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedUserId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    members { role createdAt user { id name email } }\n  }\n"): (typeof documents)["\n  query Members {\n    members { role createdAt user { id name email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n"): (typeof documents)["\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { expiresAt user { id locale } workspace { id } }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { expiresAt user { id locale } workspace { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut { done }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut { done }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) { expiresAt workspace { id name } }\n  }\n"): (typeof documents)["\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) { expiresAt workspace { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note createdAt }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note createdAt }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;