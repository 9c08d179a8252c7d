import { graphql } from '../../../gql';

export const DigestSubscriptionFieldsFragment = graphql(`
  fragment DigestSubscriptionFields on DigestSubscription {
    id cadence hour weekday timeZone locale confirmed unsubscribed coveredUntil email
  }
`);

export const MyDigestSubscriptionQuery = graphql(`
  query MyDigestSubscription {
    myDigestSubscription { ...DigestSubscriptionFields }
  }
`);

export const DigestPreviewQuery = graphql(`
  query DigestPreview {
    digestPreview { subject html text itemCount windowStart windowEnd }
  }
`);

export const UpdateMyDigestSubscriptionMutation = graphql(`
  mutation UpdateMyDigestSubscription($input: DigestScheduleInput!) {
    updateMyDigestSubscription(input: $input) { subscription { ...DigestSubscriptionFields } }
  }
`);

export const DigestRecipientsQuery = graphql(`
  query DigestRecipients {
    digestRecipients { ...DigestSubscriptionFields }
  }
`);

export const AddDigestRecipientMutation = graphql(`
  mutation AddDigestRecipient($input: AddDigestRecipientInput!) {
    addDigestRecipient(input: $input) { subscription { ...DigestSubscriptionFields } }
  }
`);

export const RemoveDigestRecipientMutation = graphql(`
  mutation RemoveDigestRecipient($input: RemoveDigestRecipientInput!) {
    removeDigestRecipient(input: $input) { removedSubscriptionId }
  }
`);

export const DigestDeliveriesQuery = graphql(`
  query DigestDeliveries($first: Int!) {
    digestDeliveries(first: $first) { id recipient status attempts itemCount lastError windowStart periodEnd createdAt finishedAt }
  }
`);

export const RunDigestsMutation = graphql(`
  mutation RunDigests {
    runDigests { scheduled sent empty failed }
  }
`);

export const OutboxQuery = graphql(`
  query Outbox($first: Int!) {
    outbox(first: $first) { file subject to date raw }
  }
`);
