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
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { done }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation ConfirmSignUp($input: ConfirmSignUpInput!) {\n    confirmSignUp(input: $input) { expiresAt user { id locale } workspace { id name } }\n  }\n": typeof types.ConfirmSignUpDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { done }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { done }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { membership { role workspace { id name } } }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { id name locale } }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) { done }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query SignedInPerson {\n    me { kind user { id name email locale } }\n  }\n": typeof types.SignedInPersonDocument,
    "\n  fragment AgreementForm on Agreement {\n    id title kind heldOn signedOn inForceOn place summary version archived updatedAt\n    parties { code name }\n    participants { id name }\n  }\n": typeof types.AgreementFormFragmentDoc,
    "\n  mutation CreateAgreement($input: CreateAgreementInput!) {\n    createAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n": typeof types.CreateAgreementDocument,
    "\n  mutation UpdateAgreement($input: UpdateAgreementInput!) {\n    updateAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n": typeof types.UpdateAgreementDocument,
    "\n  mutation ArchiveAgreement($input: ArchiveAgreementInput!) {\n    archiveAgreement(input: $input) { agreement { id version archived } }\n  }\n": typeof types.ArchiveAgreementDocument,
    "\n  mutation RestoreAgreement($input: RestoreAgreementInput!) {\n    restoreAgreement(input: $input) { agreement { id version archived } }\n  }\n": typeof types.RestoreAgreementDocument,
    "\n  query AgreementFormOptions {\n    parties { id code name }\n    people { id name title }\n  }\n": typeof types.AgreementFormOptionsDocument,
    "\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n": typeof types.AgreementListDocument,
    "\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt archived updatedAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor occurredOn createdAt } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AgreementDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scope } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation AssignCommitment($input: AssignCommitmentInput!) {\n    assignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n": typeof types.AssignCommitmentDocument,
    "\n  mutation UnassignCommitment($input: UnassignCommitmentInput!) {\n    unassignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n": typeof types.UnassignCommitmentDocument,
    "\n  query AssigneeOptions {\n    members { user { id name } }\n  }\n": typeof types.AssigneeOptionsDocument,
    "\n  fragment MyWorkItem on Commitment {\n    id title status dueOn overdue priority\n    agreement { id title }\n  }\n": typeof types.MyWorkItemFragmentDoc,
    "\n  query MyWork($first: Int!) {\n    commitments(first: $first, filter: { assignedToMe: true }, orderBy: { field: DUE_ON, direction: ASC }) {\n      totalCount\n      edges { node { ...MyWorkItem } }\n    }\n  }\n": typeof types.MyWorkDocument,
    "\n  fragment BoardCard on Commitment {\n    id title status overdue dueOn version agreement { id title } assignees { id name }\n  }\n": typeof types.BoardCardFragmentDoc,
    "\n  query BoardColumn($first: Int!, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { node { ...BoardCard } }\n    }\n  }\n": typeof types.BoardColumnDocument,
    "\n  query BoardMove($id: ID!) {\n    commitment(id: $id) {\n      id title status dueOn priority version\n      evidence(first: 100) { edges { node { id title stance } } }\n    }\n  }\n": typeof types.BoardMoveDocument,
    "\n  fragment CommentFields on Comment {\n    id body bodyHtml createdAt editedAt deleted subjectType subjectId\n    author { id name }\n    mentions { id name }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  query Comments($subjectId: ID!, $first: Int!, $after: String) {\n    comments(subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommentFields } }\n    }\n  }\n": typeof types.CommentsDocument,
    "\n  query MemberSearch($query: String!, $first: Int!) {\n    memberSearch(query: $query, first: $first) { id name }\n  }\n": typeof types.MemberSearchDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) { comment { ...CommentFields } }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) { comment { ...CommentFields } }\n  }\n": typeof types.EditCommentDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { comment { ...CommentFields } }\n  }\n": typeof types.DeleteCommentDocument,
    "\n  fragment CommitmentRow on Commitment {\n    id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name }\n  }\n": typeof types.CommitmentRowFragmentDoc,
    "\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommitmentRow } }\n    }\n  }\n": typeof types.CommitmentListDocument,
    "\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n    members { user { id name } }\n  }\n": typeof types.CommitmentFilterOptionsDocument,
    "\n  query CommitmentRowAgain($id: ID!) {\n    commitment(id: $id) { ...CommitmentRow }\n  }\n": typeof types.CommitmentRowAgainDocument,
    "\n  mutation CreateCommitment($input: CreateCommitmentInput!) {\n    createCommitment(input: $input) { commitment { id version } }\n  }\n": typeof types.CreateCommitmentDocument,
    "\n  mutation UpdateCommitment($input: UpdateCommitmentInput!) {\n    updateCommitment(input: $input) { commitment { id version title description sourceQuote dueOn priority updatedAt } }\n  }\n": typeof types.UpdateCommitmentDocument,
    "\n  mutation ArchiveCommitment($input: ArchiveCommitmentInput!) {\n    archiveCommitment(input: $input) { commitment { id version archived } }\n  }\n": typeof types.ArchiveCommitmentDocument,
    "\n  mutation RestoreCommitment($input: RestoreCommitmentInput!) {\n    restoreCommitment(input: $input) { commitment { id version archived } }\n  }\n": typeof types.RestoreCommitmentDocument,
    "\n  mutation LinkCommitments($input: LinkCommitmentsInput!) {\n    linkCommitments(input: $input) { link { id kind direction } from { id } to { id } }\n  }\n": typeof types.LinkCommitmentsDocument,
    "\n  mutation UnlinkCommitments($input: UnlinkCommitmentsInput!) {\n    unlinkCommitments(input: $input) { removedLinkId from { id } to { id } }\n  }\n": typeof types.UnlinkCommitmentsDocument,
    "\n  query CommitmentFormOptions {\n    agreements(first: 100) { edges { node { id title parties { code name } } } }\n    organizations { id acronym name }\n    people { id name title }\n    themes { id slug name }\n  }\n": typeof types.CommitmentFormOptionsDocument,
    "\n  query CommitmentPicker($search: String!) {\n    commitments(first: 10, filter: { search: $search }) { edges { node { id title status } } }\n  }\n": typeof types.CommitmentPickerDocument,
    "\n  fragment CommitmentPage on Commitment {\n    id\n    title\n    description\n    sourceQuote\n    status\n    overdue\n    dueOn\n    priority\n    version\n    archived\n    createdAt\n    updatedAt\n    agreement { id title parties { code name } }\n    parties { code name }\n    themes { slug name }\n    owner { id acronym name }\n    ownerPerson { id name title }\n    statusHistory(first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind from to note reasonCode actor occurredOn createdAt commitmentVersion\n          evidence { id title url publisher stance archived }\n        }\n      }\n    }\n    evidence(first: 100) {\n      totalCount\n      edges { node { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } } }\n    }\n    indicators {\n      id name unit baselineOn description\n      observations { id asOf value current note recordedAt recordedBy }\n    }\n    links {\n      id kind direction\n      commitment { id title status archived parties { code name } }\n    }\n    watched\n    assignees { id name }\n  }\n": typeof types.CommitmentPageFragmentDoc,
    "\n  query Commitment($id: ID!) {\n    commitment(id: $id) { ...CommitmentPage }\n  }\n": typeof types.CommitmentDocument,
    "\n  subscription CommitmentChanged($id: ID!) {\n    commitmentChanged(id: $id) { ...CommitmentPage }\n  }\n": typeof types.CommitmentChangedDocument,
    "\n  query DashboardOverview($recent: Int!) {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    agreements(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n    byParty: commitmentStatusCounts(groupBy: PARTY) { ...StatusCountGroupFields }\n    byTheme: commitmentStatusCounts(groupBy: THEME) { ...StatusCountGroupFields }\n    activity(first: $recent) {\n      edges { node { ...ActivityFields } }\n    }\n  }\n\n  fragment StatusCountGroupFields on StatusCountGroup {\n    key\n    counts { status count }\n  }\n": typeof types.DashboardOverviewDocument,
    "\n  fragment DigestSubscriptionFields on DigestSubscription {\n    id cadence hour weekday timeZone locale confirmed unsubscribed coveredUntil email\n  }\n": typeof types.DigestSubscriptionFieldsFragmentDoc,
    "\n  query MyDigestSubscription {\n    myDigestSubscription { ...DigestSubscriptionFields }\n  }\n": typeof types.MyDigestSubscriptionDocument,
    "\n  query DigestPreview {\n    digestPreview { subject html text itemCount windowStart windowEnd }\n  }\n": typeof types.DigestPreviewDocument,
    "\n  mutation UpdateMyDigestSubscription($input: DigestScheduleInput!) {\n    updateMyDigestSubscription(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n": typeof types.UpdateMyDigestSubscriptionDocument,
    "\n  query DigestRecipients {\n    digestRecipients { ...DigestSubscriptionFields }\n  }\n": typeof types.DigestRecipientsDocument,
    "\n  mutation AddDigestRecipient($input: AddDigestRecipientInput!) {\n    addDigestRecipient(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n": typeof types.AddDigestRecipientDocument,
    "\n  mutation RemoveDigestRecipient($input: RemoveDigestRecipientInput!) {\n    removeDigestRecipient(input: $input) { removedSubscriptionId }\n  }\n": typeof types.RemoveDigestRecipientDocument,
    "\n  query DigestDeliveries($first: Int!) {\n    digestDeliveries(first: $first) { id recipient status attempts itemCount lastError windowStart periodEnd createdAt finishedAt }\n  }\n": typeof types.DigestDeliveriesDocument,
    "\n  mutation RunDigests {\n    runDigests { scheduled sent empty failed }\n  }\n": typeof types.RunDigestsDocument,
    "\n  query Outbox($first: Int!) {\n    outbox(first: $first) { file subject to date raw }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n": typeof types.AddEvidenceDocument,
    "\n  mutation DetachEvidence($input: DetachEvidenceInput!) {\n    detachEvidence(input: $input) { evidence { id } commitment { id } agreement { id } }\n  }\n": typeof types.DetachEvidenceDocument,
    "\n  mutation ArchiveEvidence($input: ArchiveEvidenceInput!) {\n    archiveEvidence(input: $input) { evidence { id version archived } }\n  }\n": typeof types.ArchiveEvidenceDocument,
    "\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) { evidence { id title url publisher publishedOn kind stance version archiveUrl linkCheck { state statusCode checkedAt } } }\n  }\n": typeof types.UpdateEvidenceDocument,
    "\n  mutation RecordObservation($input: RecordObservationInput!) {\n    recordObservation(input: $input) {\n      observation { id asOf value current }\n      indicator { id }\n    }\n  }\n": typeof types.RecordObservationDocument,
    "\n  mutation CreateIndicator($input: CreateIndicatorInput!) {\n    createIndicator(input: $input) { indicator { id name unit } }\n  }\n": typeof types.CreateIndicatorDocument,
    "\n  subscription ActivityAdded($since: ID) {\n    activityAdded(since: $since) { ...ActivityFields }\n  }\n": typeof types.ActivityAddedDocument,
    "\n  fragment ActivityFields on Activity {\n    id verb subjectType subjectId subjectTitle actorLabel commitmentId agreementId createdAt\n    change {\n      __typename title version\n      ... on CommitmentStatusChange { fromStatus toStatus }\n      ... on CommitmentAssignmentChange { assigneeName }\n      ... on CommentChange { onId }\n    }\n  }\n": typeof types.ActivityFieldsFragmentDoc,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { invitation { id email role expiresAt } }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { id revokedAt } }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { membership { role user { id } } }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedUserId }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Members {\n    members { role createdAt user { id name email } }\n  }\n": typeof types.MembersDocument,
    "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n": typeof types.InvitationsDocument,
    "\n  fragment NotificationFields on Notification {\n    id kind read readAt createdAt actorLabel subjectTitle dueOn\n    comment { id subjectType subjectId body bodyHtml deleted }\n    commitment { id }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!, $unreadOnly: Boolean!) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges { node { ...NotificationFields } }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    notifications(first: 1, unreadOnly: true) { unreadCount }\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { markedIds unreadCount }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  subscription Presence($commitmentId: ID!) {\n    presence(commitmentId: $commitmentId) { since user { id name } }\n  }\n": typeof types.PresenceDocument,
    "\n  query ReferenceData {\n    parties(includeArchived: true) { id code kind name nameEs archived version }\n    organizations(includeArchived: true) { id acronym name archived version party { id code } }\n    people(includeArchived: true) { id name title archived version organization { id acronym } }\n    themes(includeArchived: true) { id slug name nameEs archived version }\n  }\n": typeof types.ReferenceDataDocument,
    "\n  query Countries {\n    countries { code name nameEs party { id archived } }\n  }\n": typeof types.CountriesDocument,
    "\n  query WorkspaceStart {\n    parties { id }\n    agreements(first: 1) { totalCount }\n  }\n": typeof types.WorkspaceStartDocument,
    "\n  mutation AddCountryParty($input: AddCountryPartyInput!) {\n    addCountryParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n": typeof types.AddCountryPartyDocument,
    "\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n": typeof types.CreatePartyDocument,
    "\n  mutation UpdateParty($input: UpdatePartyInput!) {\n    updateParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n": typeof types.UpdatePartyDocument,
    "\n  mutation SetPartyArchived($input: SetPartyArchivedInput!) {\n    setPartyArchived(input: $input) { party { id archived version } }\n  }\n": typeof types.SetPartyArchivedDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation SetOrganizationArchived($input: SetOrganizationArchivedInput!) {\n    setOrganizationArchived(input: $input) { organization { id archived version } }\n  }\n": typeof types.SetOrganizationArchivedDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation SetPersonArchived($input: SetPersonArchivedInput!) {\n    setPersonArchived(input: $input) { person { id archived version } }\n  }\n": typeof types.SetPersonArchivedDocument,
    "\n  mutation CreateTheme($input: CreateThemeInput!) {\n    createTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n": typeof types.CreateThemeDocument,
    "\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n": typeof types.UpdateThemeDocument,
    "\n  mutation SetThemeArchived($input: SetThemeArchivedInput!) {\n    setThemeArchived(input: $input) { theme { id archived version } }\n  }\n": typeof types.SetThemeArchivedDocument,
    "\n  mutation LoadExampleData {\n    loadExampleData { agreementCount commitmentCount }\n  }\n": typeof types.LoadExampleDataDocument,
    "\n  query ReminderSettings {\n    reminderSettings { daysBefore }\n  }\n": typeof types.ReminderSettingsDocument,
    "\n  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {\n    updateReminderSettings(input: $input) { reminderSettings { daysBefore } }\n  }\n": typeof types.UpdateReminderSettingsDocument,
    "\n  query SavedViews {\n    savedViews { id name filter order shared mine ownerName version }\n  }\n": typeof types.SavedViewsDocument,
    "\n  mutation SaveView($input: SaveViewInput!) {\n    saveView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n": typeof types.SaveViewDocument,
    "\n  mutation UpdateView($input: UpdateViewInput!) {\n    updateView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n": typeof types.UpdateViewDocument,
    "\n  mutation DeleteView($input: DeleteViewInput!) {\n    deleteView(input: $input) { removedViewId }\n  }\n": typeof types.DeleteViewDocument,
    "\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n    # Where the live feed of changes starts: anything after it reaches the client.\n    latestActivity: activity(first: 1) { edges { node { id } } }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { expiresAt user { id locale } workspace { id } }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { done }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) { expiresAt workspace { id name } }\n  }\n": typeof types.SwitchWorkspaceDocument,
    "\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note occurredOn createdAt }\n    }\n  }\n": typeof types.ChangeCommitmentStatusDocument,
    "\n  mutation RecordProgress($input: RecordProgressInput!) {\n    recordProgress(input: $input) {\n      commitment { id status version updatedAt }\n      progress { id kind to note occurredOn createdAt }\n    }\n  }\n": typeof types.RecordProgressDocument,
    "\n  query MyWatches {\n    me { watches { id subjectType subjectId } }\n  }\n": typeof types.MyWatchesDocument,
    "\n  mutation Watch($input: WatchInput!) {\n    watch(input: $input) { watch { id subjectType subjectId } }\n  }\n": typeof types.WatchDocument,
    "\n  mutation Unwatch($input: UnwatchInput!) {\n    unwatch(input: $input) { removedWatchId }\n  }\n": typeof types.UnwatchDocument,
};
const documents: Documents = {
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { done }\n  }\n": types.SignUpDocument,
    "\n  mutation ConfirmSignUp($input: ConfirmSignUpInput!) {\n    confirmSignUp(input: $input) { expiresAt user { id locale } workspace { id name } }\n  }\n": types.ConfirmSignUpDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { done }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { done }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { membership { role workspace { id name } } }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { id name locale } }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) { done }\n  }\n": types.ChangePasswordDocument,
    "\n  query SignedInPerson {\n    me { kind user { id name email locale } }\n  }\n": types.SignedInPersonDocument,
    "\n  fragment AgreementForm on Agreement {\n    id title kind heldOn signedOn inForceOn place summary version archived updatedAt\n    parties { code name }\n    participants { id name }\n  }\n": types.AgreementFormFragmentDoc,
    "\n  mutation CreateAgreement($input: CreateAgreementInput!) {\n    createAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n": types.CreateAgreementDocument,
    "\n  mutation UpdateAgreement($input: UpdateAgreementInput!) {\n    updateAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n": types.UpdateAgreementDocument,
    "\n  mutation ArchiveAgreement($input: ArchiveAgreementInput!) {\n    archiveAgreement(input: $input) { agreement { id version archived } }\n  }\n": types.ArchiveAgreementDocument,
    "\n  mutation RestoreAgreement($input: RestoreAgreementInput!) {\n    restoreAgreement(input: $input) { agreement { id version archived } }\n  }\n": types.RestoreAgreementDocument,
    "\n  query AgreementFormOptions {\n    parties { id code name }\n    people { id name title }\n  }\n": types.AgreementFormOptionsDocument,
    "\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n": types.AgreementListDocument,
    "\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt archived updatedAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor occurredOn createdAt } } }\n          }\n        }\n      }\n    }\n  }\n": types.AgreementDocument,
    "\n  query ApiKeys {\n    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name prefix scope } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation AssignCommitment($input: AssignCommitmentInput!) {\n    assignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n": types.AssignCommitmentDocument,
    "\n  mutation UnassignCommitment($input: UnassignCommitmentInput!) {\n    unassignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n": types.UnassignCommitmentDocument,
    "\n  query AssigneeOptions {\n    members { user { id name } }\n  }\n": types.AssigneeOptionsDocument,
    "\n  fragment MyWorkItem on Commitment {\n    id title status dueOn overdue priority\n    agreement { id title }\n  }\n": types.MyWorkItemFragmentDoc,
    "\n  query MyWork($first: Int!) {\n    commitments(first: $first, filter: { assignedToMe: true }, orderBy: { field: DUE_ON, direction: ASC }) {\n      totalCount\n      edges { node { ...MyWorkItem } }\n    }\n  }\n": types.MyWorkDocument,
    "\n  fragment BoardCard on Commitment {\n    id title status overdue dueOn version agreement { id title } assignees { id name }\n  }\n": types.BoardCardFragmentDoc,
    "\n  query BoardColumn($first: Int!, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { node { ...BoardCard } }\n    }\n  }\n": types.BoardColumnDocument,
    "\n  query BoardMove($id: ID!) {\n    commitment(id: $id) {\n      id title status dueOn priority version\n      evidence(first: 100) { edges { node { id title stance } } }\n    }\n  }\n": types.BoardMoveDocument,
    "\n  fragment CommentFields on Comment {\n    id body bodyHtml createdAt editedAt deleted subjectType subjectId\n    author { id name }\n    mentions { id name }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  query Comments($subjectId: ID!, $first: Int!, $after: String) {\n    comments(subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommentFields } }\n    }\n  }\n": types.CommentsDocument,
    "\n  query MemberSearch($query: String!, $first: Int!) {\n    memberSearch(query: $query, first: $first) { id name }\n  }\n": types.MemberSearchDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) { comment { ...CommentFields } }\n  }\n": types.AddCommentDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) { comment { ...CommentFields } }\n  }\n": types.EditCommentDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { comment { ...CommentFields } }\n  }\n": types.DeleteCommentDocument,
    "\n  fragment CommitmentRow on Commitment {\n    id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name }\n  }\n": types.CommitmentRowFragmentDoc,
    "\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommitmentRow } }\n    }\n  }\n": types.CommitmentListDocument,
    "\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n    members { user { id name } }\n  }\n": types.CommitmentFilterOptionsDocument,
    "\n  query CommitmentRowAgain($id: ID!) {\n    commitment(id: $id) { ...CommitmentRow }\n  }\n": types.CommitmentRowAgainDocument,
    "\n  mutation CreateCommitment($input: CreateCommitmentInput!) {\n    createCommitment(input: $input) { commitment { id version } }\n  }\n": types.CreateCommitmentDocument,
    "\n  mutation UpdateCommitment($input: UpdateCommitmentInput!) {\n    updateCommitment(input: $input) { commitment { id version title description sourceQuote dueOn priority updatedAt } }\n  }\n": types.UpdateCommitmentDocument,
    "\n  mutation ArchiveCommitment($input: ArchiveCommitmentInput!) {\n    archiveCommitment(input: $input) { commitment { id version archived } }\n  }\n": types.ArchiveCommitmentDocument,
    "\n  mutation RestoreCommitment($input: RestoreCommitmentInput!) {\n    restoreCommitment(input: $input) { commitment { id version archived } }\n  }\n": types.RestoreCommitmentDocument,
    "\n  mutation LinkCommitments($input: LinkCommitmentsInput!) {\n    linkCommitments(input: $input) { link { id kind direction } from { id } to { id } }\n  }\n": types.LinkCommitmentsDocument,
    "\n  mutation UnlinkCommitments($input: UnlinkCommitmentsInput!) {\n    unlinkCommitments(input: $input) { removedLinkId from { id } to { id } }\n  }\n": types.UnlinkCommitmentsDocument,
    "\n  query CommitmentFormOptions {\n    agreements(first: 100) { edges { node { id title parties { code name } } } }\n    organizations { id acronym name }\n    people { id name title }\n    themes { id slug name }\n  }\n": types.CommitmentFormOptionsDocument,
    "\n  query CommitmentPicker($search: String!) {\n    commitments(first: 10, filter: { search: $search }) { edges { node { id title status } } }\n  }\n": types.CommitmentPickerDocument,
    "\n  fragment CommitmentPage on Commitment {\n    id\n    title\n    description\n    sourceQuote\n    status\n    overdue\n    dueOn\n    priority\n    version\n    archived\n    createdAt\n    updatedAt\n    agreement { id title parties { code name } }\n    parties { code name }\n    themes { slug name }\n    owner { id acronym name }\n    ownerPerson { id name title }\n    statusHistory(first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind from to note reasonCode actor occurredOn createdAt commitmentVersion\n          evidence { id title url publisher stance archived }\n        }\n      }\n    }\n    evidence(first: 100) {\n      totalCount\n      edges { node { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } } }\n    }\n    indicators {\n      id name unit baselineOn description\n      observations { id asOf value current note recordedAt recordedBy }\n    }\n    links {\n      id kind direction\n      commitment { id title status archived parties { code name } }\n    }\n    watched\n    assignees { id name }\n  }\n": types.CommitmentPageFragmentDoc,
    "\n  query Commitment($id: ID!) {\n    commitment(id: $id) { ...CommitmentPage }\n  }\n": types.CommitmentDocument,
    "\n  subscription CommitmentChanged($id: ID!) {\n    commitmentChanged(id: $id) { ...CommitmentPage }\n  }\n": types.CommitmentChangedDocument,
    "\n  query DashboardOverview($recent: Int!) {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    agreements(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n    byParty: commitmentStatusCounts(groupBy: PARTY) { ...StatusCountGroupFields }\n    byTheme: commitmentStatusCounts(groupBy: THEME) { ...StatusCountGroupFields }\n    activity(first: $recent) {\n      edges { node { ...ActivityFields } }\n    }\n  }\n\n  fragment StatusCountGroupFields on StatusCountGroup {\n    key\n    counts { status count }\n  }\n": types.DashboardOverviewDocument,
    "\n  fragment DigestSubscriptionFields on DigestSubscription {\n    id cadence hour weekday timeZone locale confirmed unsubscribed coveredUntil email\n  }\n": types.DigestSubscriptionFieldsFragmentDoc,
    "\n  query MyDigestSubscription {\n    myDigestSubscription { ...DigestSubscriptionFields }\n  }\n": types.MyDigestSubscriptionDocument,
    "\n  query DigestPreview {\n    digestPreview { subject html text itemCount windowStart windowEnd }\n  }\n": types.DigestPreviewDocument,
    "\n  mutation UpdateMyDigestSubscription($input: DigestScheduleInput!) {\n    updateMyDigestSubscription(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n": types.UpdateMyDigestSubscriptionDocument,
    "\n  query DigestRecipients {\n    digestRecipients { ...DigestSubscriptionFields }\n  }\n": types.DigestRecipientsDocument,
    "\n  mutation AddDigestRecipient($input: AddDigestRecipientInput!) {\n    addDigestRecipient(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n": types.AddDigestRecipientDocument,
    "\n  mutation RemoveDigestRecipient($input: RemoveDigestRecipientInput!) {\n    removeDigestRecipient(input: $input) { removedSubscriptionId }\n  }\n": types.RemoveDigestRecipientDocument,
    "\n  query DigestDeliveries($first: Int!) {\n    digestDeliveries(first: $first) { id recipient status attempts itemCount lastError windowStart periodEnd createdAt finishedAt }\n  }\n": types.DigestDeliveriesDocument,
    "\n  mutation RunDigests {\n    runDigests { scheduled sent empty failed }\n  }\n": types.RunDigestsDocument,
    "\n  query Outbox($first: Int!) {\n    outbox(first: $first) { file subject to date raw }\n  }\n": types.OutboxDocument,
    "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n": types.AddEvidenceDocument,
    "\n  mutation DetachEvidence($input: DetachEvidenceInput!) {\n    detachEvidence(input: $input) { evidence { id } commitment { id } agreement { id } }\n  }\n": types.DetachEvidenceDocument,
    "\n  mutation ArchiveEvidence($input: ArchiveEvidenceInput!) {\n    archiveEvidence(input: $input) { evidence { id version archived } }\n  }\n": types.ArchiveEvidenceDocument,
    "\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) { evidence { id title url publisher publishedOn kind stance version archiveUrl linkCheck { state statusCode checkedAt } } }\n  }\n": types.UpdateEvidenceDocument,
    "\n  mutation RecordObservation($input: RecordObservationInput!) {\n    recordObservation(input: $input) {\n      observation { id asOf value current }\n      indicator { id }\n    }\n  }\n": types.RecordObservationDocument,
    "\n  mutation CreateIndicator($input: CreateIndicatorInput!) {\n    createIndicator(input: $input) { indicator { id name unit } }\n  }\n": types.CreateIndicatorDocument,
    "\n  subscription ActivityAdded($since: ID) {\n    activityAdded(since: $since) { ...ActivityFields }\n  }\n": types.ActivityAddedDocument,
    "\n  fragment ActivityFields on Activity {\n    id verb subjectType subjectId subjectTitle actorLabel commitmentId agreementId createdAt\n    change {\n      __typename title version\n      ... on CommitmentStatusChange { fromStatus toStatus }\n      ... on CommitmentAssignmentChange { assigneeName }\n      ... on CommentChange { onId }\n    }\n  }\n": types.ActivityFieldsFragmentDoc,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { invitation { id email role expiresAt } }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { id revokedAt } }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { membership { role user { id } } }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedUserId }\n  }\n": types.RemoveMemberDocument,
    "\n  query Members {\n    members { role createdAt user { id name email } }\n  }\n": types.MembersDocument,
    "\n  query Invitations {\n    invitations { id email role createdAt expiresAt acceptedAt revokedAt }\n  }\n": types.InvitationsDocument,
    "\n  fragment NotificationFields on Notification {\n    id kind read readAt createdAt actorLabel subjectTitle dueOn\n    comment { id subjectType subjectId body bodyHtml deleted }\n    commitment { id }\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!, $unreadOnly: Boolean!) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges { node { ...NotificationFields } }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    notifications(first: 1, unreadOnly: true) { unreadCount }\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { markedIds unreadCount }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n": types.NotificationAddedDocument,
    "\n  subscription Presence($commitmentId: ID!) {\n    presence(commitmentId: $commitmentId) { since user { id name } }\n  }\n": types.PresenceDocument,
    "\n  query ReferenceData {\n    parties(includeArchived: true) { id code kind name nameEs archived version }\n    organizations(includeArchived: true) { id acronym name archived version party { id code } }\n    people(includeArchived: true) { id name title archived version organization { id acronym } }\n    themes(includeArchived: true) { id slug name nameEs archived version }\n  }\n": types.ReferenceDataDocument,
    "\n  query Countries {\n    countries { code name nameEs party { id archived } }\n  }\n": types.CountriesDocument,
    "\n  query WorkspaceStart {\n    parties { id }\n    agreements(first: 1) { totalCount }\n  }\n": types.WorkspaceStartDocument,
    "\n  mutation AddCountryParty($input: AddCountryPartyInput!) {\n    addCountryParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n": types.AddCountryPartyDocument,
    "\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n": types.CreatePartyDocument,
    "\n  mutation UpdateParty($input: UpdatePartyInput!) {\n    updateParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n": types.UpdatePartyDocument,
    "\n  mutation SetPartyArchived($input: SetPartyArchivedInput!) {\n    setPartyArchived(input: $input) { party { id archived version } }\n  }\n": types.SetPartyArchivedDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation SetOrganizationArchived($input: SetOrganizationArchivedInput!) {\n    setOrganizationArchived(input: $input) { organization { id archived version } }\n  }\n": types.SetOrganizationArchivedDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n": types.CreatePersonDocument,
    "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation SetPersonArchived($input: SetPersonArchivedInput!) {\n    setPersonArchived(input: $input) { person { id archived version } }\n  }\n": types.SetPersonArchivedDocument,
    "\n  mutation CreateTheme($input: CreateThemeInput!) {\n    createTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n": types.CreateThemeDocument,
    "\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n": types.UpdateThemeDocument,
    "\n  mutation SetThemeArchived($input: SetThemeArchivedInput!) {\n    setThemeArchived(input: $input) { theme { id archived version } }\n  }\n": types.SetThemeArchivedDocument,
    "\n  mutation LoadExampleData {\n    loadExampleData { agreementCount commitmentCount }\n  }\n": types.LoadExampleDataDocument,
    "\n  query ReminderSettings {\n    reminderSettings { daysBefore }\n  }\n": types.ReminderSettingsDocument,
    "\n  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {\n    updateReminderSettings(input: $input) { reminderSettings { daysBefore } }\n  }\n": types.UpdateReminderSettingsDocument,
    "\n  query SavedViews {\n    savedViews { id name filter order shared mine ownerName version }\n  }\n": types.SavedViewsDocument,
    "\n  mutation SaveView($input: SaveViewInput!) {\n    saveView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n": types.SaveViewDocument,
    "\n  mutation UpdateView($input: UpdateViewInput!) {\n    updateView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n": types.UpdateViewDocument,
    "\n  mutation DeleteView($input: DeleteViewInput!) {\n    deleteView(input: $input) { removedViewId }\n  }\n": types.DeleteViewDocument,
    "\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n    # Where the live feed of changes starts: anything after it reaches the client.\n    latestActivity: activity(first: 1) { edges { node { id } } }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { expiresAt user { id locale } workspace { id } }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { done }\n  }\n": types.SignOutDocument,
    "\n  mutation SwitchWorkspace($input: SwitchWorkspaceInput!) {\n    switchWorkspace(input: $input) { expiresAt workspace { id name } }\n  }\n": types.SwitchWorkspaceDocument,
    "\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note occurredOn createdAt }\n    }\n  }\n": types.ChangeCommitmentStatusDocument,
    "\n  mutation RecordProgress($input: RecordProgressInput!) {\n    recordProgress(input: $input) {\n      commitment { id status version updatedAt }\n      progress { id kind to note occurredOn createdAt }\n    }\n  }\n": types.RecordProgressDocument,
    "\n  query MyWatches {\n    me { watches { id subjectType subjectId } }\n  }\n": types.MyWatchesDocument,
    "\n  mutation Watch($input: WatchInput!) {\n    watch(input: $input) { watch { id subjectType subjectId } }\n  }\n": types.WatchDocument,
    "\n  mutation Unwatch($input: UnwatchInput!) {\n    unwatch(input: $input) { removedWatchId }\n  }\n": types.UnwatchDocument,
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
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { done }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { done }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSignUp($input: ConfirmSignUpInput!) {\n    confirmSignUp(input: $input) { expiresAt user { id locale } workspace { id name } }\n  }\n"): (typeof documents)["\n  mutation ConfirmSignUp($input: ConfirmSignUpInput!) {\n    confirmSignUp(input: $input) { expiresAt user { id locale } workspace { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { done }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { done }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { done }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { done }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { membership { role workspace { id name } } }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) { membership { role workspace { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { id name locale } }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { user { id name locale } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) { done }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) { done }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInPerson {\n    me { kind user { id name email locale } }\n  }\n"): (typeof documents)["\n  query SignedInPerson {\n    me { kind user { id name email locale } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementForm on Agreement {\n    id title kind heldOn signedOn inForceOn place summary version archived updatedAt\n    parties { code name }\n    participants { id name }\n  }\n"): (typeof documents)["\n  fragment AgreementForm on Agreement {\n    id title kind heldOn signedOn inForceOn place summary version archived updatedAt\n    parties { code name }\n    participants { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgreement($input: CreateAgreementInput!) {\n    createAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n"): (typeof documents)["\n  mutation CreateAgreement($input: CreateAgreementInput!) {\n    createAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgreement($input: UpdateAgreementInput!) {\n    updateAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n"): (typeof documents)["\n  mutation UpdateAgreement($input: UpdateAgreementInput!) {\n    updateAgreement(input: $input) { agreement { ...AgreementForm } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveAgreement($input: ArchiveAgreementInput!) {\n    archiveAgreement(input: $input) { agreement { id version archived } }\n  }\n"): (typeof documents)["\n  mutation ArchiveAgreement($input: ArchiveAgreementInput!) {\n    archiveAgreement(input: $input) { agreement { id version archived } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreAgreement($input: RestoreAgreementInput!) {\n    restoreAgreement(input: $input) { agreement { id version archived } }\n  }\n"): (typeof documents)["\n  mutation RestoreAgreement($input: RestoreAgreementInput!) {\n    restoreAgreement(input: $input) { agreement { id version archived } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementFormOptions {\n    parties { id code name }\n    people { id name title }\n  }\n"): (typeof documents)["\n  query AgreementFormOptions {\n    parties { id code name }\n    people { id name title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {\n    agreements(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title kind heldOn signedOn place\n          parties { code name }\n          commitments(first: 1) { totalCount }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt archived updatedAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor occurredOn createdAt } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Agreement($id: ID!) {\n    agreement(id: $id) {\n      id title kind heldOn signedOn inForceOn place summary version createdAt archived updatedAt\n      parties { code name }\n      participants { id name title organization { acronym } }\n      sources { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } }\n      commitments(first: 100) {\n        totalCount\n        edges {\n          node {\n            id title status overdue dueOn\n            parties { code }\n            statusHistory(first: 20) { edges { node { id from to note actor occurredOn createdAt } } }\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation AssignCommitment($input: AssignCommitmentInput!) {\n    assignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n"): (typeof documents)["\n  mutation AssignCommitment($input: AssignCommitmentInput!) {\n    assignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignCommitment($input: UnassignCommitmentInput!) {\n    unassignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n"): (typeof documents)["\n  mutation UnassignCommitment($input: UnassignCommitmentInput!) {\n    unassignCommitment(input: $input) { changed commitment { id assignees { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssigneeOptions {\n    members { user { id name } }\n  }\n"): (typeof documents)["\n  query AssigneeOptions {\n    members { user { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyWorkItem on Commitment {\n    id title status dueOn overdue priority\n    agreement { id title }\n  }\n"): (typeof documents)["\n  fragment MyWorkItem on Commitment {\n    id title status dueOn overdue priority\n    agreement { id title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWork($first: Int!) {\n    commitments(first: $first, filter: { assignedToMe: true }, orderBy: { field: DUE_ON, direction: ASC }) {\n      totalCount\n      edges { node { ...MyWorkItem } }\n    }\n  }\n"): (typeof documents)["\n  query MyWork($first: Int!) {\n    commitments(first: $first, filter: { assignedToMe: true }, orderBy: { field: DUE_ON, direction: ASC }) {\n      totalCount\n      edges { node { ...MyWorkItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardCard on Commitment {\n    id title status overdue dueOn version agreement { id title } assignees { id name }\n  }\n"): (typeof documents)["\n  fragment BoardCard on Commitment {\n    id title status overdue dueOn version agreement { id title } assignees { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardColumn($first: Int!, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { node { ...BoardCard } }\n    }\n  }\n"): (typeof documents)["\n  query BoardColumn($first: Int!, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { node { ...BoardCard } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardMove($id: ID!) {\n    commitment(id: $id) {\n      id title status dueOn priority version\n      evidence(first: 100) { edges { node { id title stance } } }\n    }\n  }\n"): (typeof documents)["\n  query BoardMove($id: ID!) {\n    commitment(id: $id) {\n      id title status dueOn priority version\n      evidence(first: 100) { edges { node { id title stance } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id body bodyHtml createdAt editedAt deleted subjectType subjectId\n    author { id name }\n    mentions { id name }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id body bodyHtml createdAt editedAt deleted subjectType subjectId\n    author { id name }\n    mentions { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Comments($subjectId: ID!, $first: Int!, $after: String) {\n    comments(subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommentFields } }\n    }\n  }\n"): (typeof documents)["\n  query Comments($subjectId: ID!, $first: Int!, $after: String) {\n    comments(subjectId: $subjectId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommentFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberSearch($query: String!, $first: Int!) {\n    memberSearch(query: $query, first: $first) { id name }\n  }\n"): (typeof documents)["\n  query MemberSearch($query: String!, $first: Int!) {\n    memberSearch(query: $query, first: $first) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) { comment { ...CommentFields } }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) { comment { ...CommentFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) { comment { ...CommentFields } }\n  }\n"): (typeof documents)["\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) { comment { ...CommentFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { comment { ...CommentFields } }\n  }\n"): (typeof documents)["\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { comment { ...CommentFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommitmentRow on Commitment {\n    id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name }\n  }\n"): (typeof documents)["\n  fragment CommitmentRow on Commitment {\n    id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommitmentRow } }\n    }\n  }\n"): (typeof documents)["\n  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {\n    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...CommitmentRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n    members { user { id name } }\n  }\n"): (typeof documents)["\n  query CommitmentFilterOptions {\n    parties { id code name }\n    themes { id slug name }\n    organizations { id acronym name }\n    agreements(first: 100) { edges { node { id title } } }\n    members { user { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentRowAgain($id: ID!) {\n    commitment(id: $id) { ...CommitmentRow }\n  }\n"): (typeof documents)["\n  query CommitmentRowAgain($id: ID!) {\n    commitment(id: $id) { ...CommitmentRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCommitment($input: CreateCommitmentInput!) {\n    createCommitment(input: $input) { commitment { id version } }\n  }\n"): (typeof documents)["\n  mutation CreateCommitment($input: CreateCommitmentInput!) {\n    createCommitment(input: $input) { commitment { id version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCommitment($input: UpdateCommitmentInput!) {\n    updateCommitment(input: $input) { commitment { id version title description sourceQuote dueOn priority updatedAt } }\n  }\n"): (typeof documents)["\n  mutation UpdateCommitment($input: UpdateCommitmentInput!) {\n    updateCommitment(input: $input) { commitment { id version title description sourceQuote dueOn priority updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveCommitment($input: ArchiveCommitmentInput!) {\n    archiveCommitment(input: $input) { commitment { id version archived } }\n  }\n"): (typeof documents)["\n  mutation ArchiveCommitment($input: ArchiveCommitmentInput!) {\n    archiveCommitment(input: $input) { commitment { id version archived } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCommitment($input: RestoreCommitmentInput!) {\n    restoreCommitment(input: $input) { commitment { id version archived } }\n  }\n"): (typeof documents)["\n  mutation RestoreCommitment($input: RestoreCommitmentInput!) {\n    restoreCommitment(input: $input) { commitment { id version archived } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkCommitments($input: LinkCommitmentsInput!) {\n    linkCommitments(input: $input) { link { id kind direction } from { id } to { id } }\n  }\n"): (typeof documents)["\n  mutation LinkCommitments($input: LinkCommitmentsInput!) {\n    linkCommitments(input: $input) { link { id kind direction } from { id } to { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkCommitments($input: UnlinkCommitmentsInput!) {\n    unlinkCommitments(input: $input) { removedLinkId from { id } to { id } }\n  }\n"): (typeof documents)["\n  mutation UnlinkCommitments($input: UnlinkCommitmentsInput!) {\n    unlinkCommitments(input: $input) { removedLinkId from { id } to { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentFormOptions {\n    agreements(first: 100) { edges { node { id title parties { code name } } } }\n    organizations { id acronym name }\n    people { id name title }\n    themes { id slug name }\n  }\n"): (typeof documents)["\n  query CommitmentFormOptions {\n    agreements(first: 100) { edges { node { id title parties { code name } } } }\n    organizations { id acronym name }\n    people { id name title }\n    themes { id slug name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentPicker($search: String!) {\n    commitments(first: 10, filter: { search: $search }) { edges { node { id title status } } }\n  }\n"): (typeof documents)["\n  query CommitmentPicker($search: String!) {\n    commitments(first: 10, filter: { search: $search }) { edges { node { id title status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommitmentPage on Commitment {\n    id\n    title\n    description\n    sourceQuote\n    status\n    overdue\n    dueOn\n    priority\n    version\n    archived\n    createdAt\n    updatedAt\n    agreement { id title parties { code name } }\n    parties { code name }\n    themes { slug name }\n    owner { id acronym name }\n    ownerPerson { id name title }\n    statusHistory(first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind from to note reasonCode actor occurredOn createdAt commitmentVersion\n          evidence { id title url publisher stance archived }\n        }\n      }\n    }\n    evidence(first: 100) {\n      totalCount\n      edges { node { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } } }\n    }\n    indicators {\n      id name unit baselineOn description\n      observations { id asOf value current note recordedAt recordedBy }\n    }\n    links {\n      id kind direction\n      commitment { id title status archived parties { code name } }\n    }\n    watched\n    assignees { id name }\n  }\n"): (typeof documents)["\n  fragment CommitmentPage on Commitment {\n    id\n    title\n    description\n    sourceQuote\n    status\n    overdue\n    dueOn\n    priority\n    version\n    archived\n    createdAt\n    updatedAt\n    agreement { id title parties { code name } }\n    parties { code name }\n    themes { slug name }\n    owner { id acronym name }\n    ownerPerson { id name title }\n    statusHistory(first: 100) {\n      totalCount\n      edges {\n        node {\n          id kind from to note reasonCode actor occurredOn createdAt commitmentVersion\n          evidence { id title url publisher stance archived }\n        }\n      }\n    }\n    evidence(first: 100) {\n      totalCount\n      edges { node { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } } }\n    }\n    indicators {\n      id name unit baselineOn description\n      observations { id asOf value current note recordedAt recordedBy }\n    }\n    links {\n      id kind direction\n      commitment { id title status archived parties { code name } }\n    }\n    watched\n    assignees { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Commitment($id: ID!) {\n    commitment(id: $id) { ...CommitmentPage }\n  }\n"): (typeof documents)["\n  query Commitment($id: ID!) {\n    commitment(id: $id) { ...CommitmentPage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CommitmentChanged($id: ID!) {\n    commitmentChanged(id: $id) { ...CommitmentPage }\n  }\n"): (typeof documents)["\n  subscription CommitmentChanged($id: ID!) {\n    commitmentChanged(id: $id) { ...CommitmentPage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOverview($recent: Int!) {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    agreements(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n    byParty: commitmentStatusCounts(groupBy: PARTY) { ...StatusCountGroupFields }\n    byTheme: commitmentStatusCounts(groupBy: THEME) { ...StatusCountGroupFields }\n    activity(first: $recent) {\n      edges { node { ...ActivityFields } }\n    }\n  }\n\n  fragment StatusCountGroupFields on StatusCountGroup {\n    key\n    counts { status count }\n  }\n"): (typeof documents)["\n  query DashboardOverview($recent: Int!) {\n    parties { id code name }\n    themes { id slug name }\n    all: commitments(first: 1) { totalCount }\n    agreements(first: 1) { totalCount }\n    overdue: commitments(first: 10, filter: { overdue: true }, orderBy: { field: DUE_ON }) {\n      totalCount\n      edges { node { id title status dueOn parties { code } owner { id acronym } } }\n    }\n    byParty: commitmentStatusCounts(groupBy: PARTY) { ...StatusCountGroupFields }\n    byTheme: commitmentStatusCounts(groupBy: THEME) { ...StatusCountGroupFields }\n    activity(first: $recent) {\n      edges { node { ...ActivityFields } }\n    }\n  }\n\n  fragment StatusCountGroupFields on StatusCountGroup {\n    key\n    counts { status count }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DigestSubscriptionFields on DigestSubscription {\n    id cadence hour weekday timeZone locale confirmed unsubscribed coveredUntil email\n  }\n"): (typeof documents)["\n  fragment DigestSubscriptionFields on DigestSubscription {\n    id cadence hour weekday timeZone locale confirmed unsubscribed coveredUntil email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDigestSubscription {\n    myDigestSubscription { ...DigestSubscriptionFields }\n  }\n"): (typeof documents)["\n  query MyDigestSubscription {\n    myDigestSubscription { ...DigestSubscriptionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DigestPreview {\n    digestPreview { subject html text itemCount windowStart windowEnd }\n  }\n"): (typeof documents)["\n  query DigestPreview {\n    digestPreview { subject html text itemCount windowStart windowEnd }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyDigestSubscription($input: DigestScheduleInput!) {\n    updateMyDigestSubscription(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n"): (typeof documents)["\n  mutation UpdateMyDigestSubscription($input: DigestScheduleInput!) {\n    updateMyDigestSubscription(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DigestRecipients {\n    digestRecipients { ...DigestSubscriptionFields }\n  }\n"): (typeof documents)["\n  query DigestRecipients {\n    digestRecipients { ...DigestSubscriptionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDigestRecipient($input: AddDigestRecipientInput!) {\n    addDigestRecipient(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n"): (typeof documents)["\n  mutation AddDigestRecipient($input: AddDigestRecipientInput!) {\n    addDigestRecipient(input: $input) { subscription { ...DigestSubscriptionFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDigestRecipient($input: RemoveDigestRecipientInput!) {\n    removeDigestRecipient(input: $input) { removedSubscriptionId }\n  }\n"): (typeof documents)["\n  mutation RemoveDigestRecipient($input: RemoveDigestRecipientInput!) {\n    removeDigestRecipient(input: $input) { removedSubscriptionId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DigestDeliveries($first: Int!) {\n    digestDeliveries(first: $first) { id recipient status attempts itemCount lastError windowStart periodEnd createdAt finishedAt }\n  }\n"): (typeof documents)["\n  query DigestDeliveries($first: Int!) {\n    digestDeliveries(first: $first) { id recipient status attempts itemCount lastError windowStart periodEnd createdAt finishedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunDigests {\n    runDigests { scheduled sent empty failed }\n  }\n"): (typeof documents)["\n  mutation RunDigests {\n    runDigests { scheduled sent empty failed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($first: Int!) {\n    outbox(first: $first) { file subject to date raw }\n  }\n"): (typeof documents)["\n  query Outbox($first: Int!) {\n    outbox(first: $first) { file subject to date raw }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n"): (typeof documents)["\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      evidence { id title url }\n      commitment { id version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetachEvidence($input: DetachEvidenceInput!) {\n    detachEvidence(input: $input) { evidence { id } commitment { id } agreement { id } }\n  }\n"): (typeof documents)["\n  mutation DetachEvidence($input: DetachEvidenceInput!) {\n    detachEvidence(input: $input) { evidence { id } commitment { id } agreement { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveEvidence($input: ArchiveEvidenceInput!) {\n    archiveEvidence(input: $input) { evidence { id version archived } }\n  }\n"): (typeof documents)["\n  mutation ArchiveEvidence($input: ArchiveEvidenceInput!) {\n    archiveEvidence(input: $input) { evidence { id version archived } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) { evidence { id title url publisher publishedOn kind stance version archiveUrl linkCheck { state statusCode checkedAt } } }\n  }\n"): (typeof documents)["\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) { evidence { id title url publisher publishedOn kind stance version archiveUrl linkCheck { state statusCode checkedAt } } }\n  }\n"];
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
export function graphql(source: "\n  subscription ActivityAdded($since: ID) {\n    activityAdded(since: $since) { ...ActivityFields }\n  }\n"): (typeof documents)["\n  subscription ActivityAdded($since: ID) {\n    activityAdded(since: $since) { ...ActivityFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityFields on Activity {\n    id verb subjectType subjectId subjectTitle actorLabel commitmentId agreementId createdAt\n    change {\n      __typename title version\n      ... on CommitmentStatusChange { fromStatus toStatus }\n      ... on CommitmentAssignmentChange { assigneeName }\n      ... on CommentChange { onId }\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityFields on Activity {\n    id verb subjectType subjectId subjectTitle actorLabel commitmentId agreementId createdAt\n    change {\n      __typename title version\n      ... on CommitmentStatusChange { fromStatus toStatus }\n      ... on CommitmentAssignmentChange { assigneeName }\n      ... on CommentChange { onId }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id kind read readAt createdAt actorLabel subjectTitle dueOn\n    comment { id subjectType subjectId body bodyHtml deleted }\n    commitment { id }\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id kind read readAt createdAt actorLabel subjectTitle dueOn\n    comment { id subjectType subjectId body bodyHtml deleted }\n    commitment { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $unreadOnly: Boolean!) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges { node { ...NotificationFields } }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $unreadOnly: Boolean!) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges { node { ...NotificationFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    notifications(first: 1, unreadOnly: true) { unreadCount }\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    notifications(first: 1, unreadOnly: true) { unreadCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { markedIds unreadCount }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { markedIds unreadCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Presence($commitmentId: ID!) {\n    presence(commitmentId: $commitmentId) { since user { id name } }\n  }\n"): (typeof documents)["\n  subscription Presence($commitmentId: ID!) {\n    presence(commitmentId: $commitmentId) { since user { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferenceData {\n    parties(includeArchived: true) { id code kind name nameEs archived version }\n    organizations(includeArchived: true) { id acronym name archived version party { id code } }\n    people(includeArchived: true) { id name title archived version organization { id acronym } }\n    themes(includeArchived: true) { id slug name nameEs archived version }\n  }\n"): (typeof documents)["\n  query ReferenceData {\n    parties(includeArchived: true) { id code kind name nameEs archived version }\n    organizations(includeArchived: true) { id acronym name archived version party { id code } }\n    people(includeArchived: true) { id name title archived version organization { id acronym } }\n    themes(includeArchived: true) { id slug name nameEs archived version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Countries {\n    countries { code name nameEs party { id archived } }\n  }\n"): (typeof documents)["\n  query Countries {\n    countries { code name nameEs party { id archived } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceStart {\n    parties { id }\n    agreements(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query WorkspaceStart {\n    parties { id }\n    agreements(first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCountryParty($input: AddCountryPartyInput!) {\n    addCountryParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n"): (typeof documents)["\n  mutation AddCountryParty($input: AddCountryPartyInput!) {\n    addCountryParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n"): (typeof documents)["\n  mutation CreateParty($input: CreatePartyInput!) {\n    createParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateParty($input: UpdatePartyInput!) {\n    updateParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n"): (typeof documents)["\n  mutation UpdateParty($input: UpdatePartyInput!) {\n    updateParty(input: $input) { party { id code kind name nameEs archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPartyArchived($input: SetPartyArchivedInput!) {\n    setPartyArchived(input: $input) { party { id archived version } }\n  }\n"): (typeof documents)["\n  mutation SetPartyArchived($input: SetPartyArchivedInput!) {\n    setPartyArchived(input: $input) { party { id archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { organization { id acronym name archived version party { id code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationArchived($input: SetOrganizationArchivedInput!) {\n    setOrganizationArchived(input: $input) { organization { id archived version } }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationArchived($input: SetOrganizationArchivedInput!) {\n    setOrganizationArchived(input: $input) { organization { id archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) { person { id name title archived version organization { id acronym } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPersonArchived($input: SetPersonArchivedInput!) {\n    setPersonArchived(input: $input) { person { id archived version } }\n  }\n"): (typeof documents)["\n  mutation SetPersonArchived($input: SetPersonArchivedInput!) {\n    setPersonArchived(input: $input) { person { id archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTheme($input: CreateThemeInput!) {\n    createTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n"): (typeof documents)["\n  mutation CreateTheme($input: CreateThemeInput!) {\n    createTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n"): (typeof documents)["\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) { theme { id slug name nameEs archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetThemeArchived($input: SetThemeArchivedInput!) {\n    setThemeArchived(input: $input) { theme { id archived version } }\n  }\n"): (typeof documents)["\n  mutation SetThemeArchived($input: SetThemeArchivedInput!) {\n    setThemeArchived(input: $input) { theme { id archived version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadExampleData {\n    loadExampleData { agreementCount commitmentCount }\n  }\n"): (typeof documents)["\n  mutation LoadExampleData {\n    loadExampleData { agreementCount commitmentCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReminderSettings {\n    reminderSettings { daysBefore }\n  }\n"): (typeof documents)["\n  query ReminderSettings {\n    reminderSettings { daysBefore }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {\n    updateReminderSettings(input: $input) { reminderSettings { daysBefore } }\n  }\n"): (typeof documents)["\n  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {\n    updateReminderSettings(input: $input) { reminderSettings { daysBefore } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedViews {\n    savedViews { id name filter order shared mine ownerName version }\n  }\n"): (typeof documents)["\n  query SavedViews {\n    savedViews { id name filter order shared mine ownerName version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveView($input: SaveViewInput!) {\n    saveView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n"): (typeof documents)["\n  mutation SaveView($input: SaveViewInput!) {\n    saveView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateView($input: UpdateViewInput!) {\n    updateView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n"): (typeof documents)["\n  mutation UpdateView($input: UpdateViewInput!) {\n    updateView(input: $input) { view { id name filter order shared mine ownerName version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteView($input: DeleteViewInput!) {\n    deleteView(input: $input) { removedViewId }\n  }\n"): (typeof documents)["\n  mutation DeleteView($input: DeleteViewInput!) {\n    deleteView(input: $input) { removedViewId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n    # Where the live feed of changes starts: anything after it reaches the client.\n    latestActivity: activity(first: 1) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      kind\n      role\n      permissions\n      user { id name email locale }\n      workspace { id name }\n      memberships { role workspace { id name } }\n    }\n    # Where the live feed of changes starts: anything after it reaches the client.\n    latestActivity: activity(first: 1) { edges { node { id } } }\n  }\n"];
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
export function graphql(source: "\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note occurredOn createdAt }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {\n    changeCommitmentStatus(input: $input) {\n      commitment { id status version overdue updatedAt }\n      statusChange { id to note occurredOn createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProgress($input: RecordProgressInput!) {\n    recordProgress(input: $input) {\n      commitment { id status version updatedAt }\n      progress { id kind to note occurredOn createdAt }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordProgress($input: RecordProgressInput!) {\n    recordProgress(input: $input) {\n      commitment { id status version updatedAt }\n      progress { id kind to note occurredOn createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWatches {\n    me { watches { id subjectType subjectId } }\n  }\n"): (typeof documents)["\n  query MyWatches {\n    me { watches { id subjectType subjectId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Watch($input: WatchInput!) {\n    watch(input: $input) { watch { id subjectType subjectId } }\n  }\n"): (typeof documents)["\n  mutation Watch($input: WatchInput!) {\n    watch(input: $input) { watch { id subjectType subjectId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unwatch($input: UnwatchInput!) {\n    unwatch(input: $input) { removedWatchId }\n  }\n"): (typeof documents)["\n  mutation Unwatch($input: UnwatchInput!) {\n    unwatch(input: $input) { removedWatchId }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;