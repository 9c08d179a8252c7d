import { graphql } from '../../../gql';

export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id kind read readAt createdAt actorLabel subjectTitle dueOn
    comment { id subjectType subjectId body bodyHtml deleted }
    commitment { id }
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $unreadOnly: Boolean!) {
    notifications(first: $first, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      edges { node { ...NotificationFields } }
    }
  }
`);

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    notifications(first: 1, unreadOnly: true) { unreadCount }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { markedIds unreadCount }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded { ...NotificationFields }
  }
`);
