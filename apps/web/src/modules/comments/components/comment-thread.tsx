import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission } from '@pactwatch/domain';
import type { CommentSubjectType } from '../../../gql/graphql';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';
import { useCan } from '../../session/hooks/use-can';
import { useSession } from '../../session/hooks/use-session';
import { ErrorAlert } from '../../ui/error-alert';
import { Loading } from '../../ui/loading';
import { useAddComment } from '../hooks/use-add-comment';
import { useComments } from '../hooks/use-comments';
import { CommentComposer } from './comment-composer';
import { CommentItem } from './comment-item';

export interface CommentThreadProps {
  subjectType: CommentSubjectType;
  subjectId: string;
}

/** The discussion of a commitment or agreement: comments appear as anyone writes, edits or deletes them. */
export function CommentThread({ subjectType, subjectId }: CommentThreadProps) {
  const { t } = useTranslation();
  const { me } = useSession();
  const canWrite = useCan(Permission.WRITE);
  const { comments, totalCount, error, refresh } = useComments(subjectId);
  const { addComment } = useAddComment();

  // Comment changes say the commitment or agreement they are on; after a lost connection the
  // feed replays what was missed, so the thread catches up the same way.
  useActivityFeed((activity) => {
    if (activity.change.__typename === 'CommentChange' && activity.change.onId === subjectId) void refresh();
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`comments-${subjectId}`}>
      <Title order={2} size="h4" mb="sm" id={`comments-${subjectId}`}>
        {t('comments.title', { count: totalCount })}
      </Title>
      <ErrorAlert error={error} />
      {!comments && !error && <Loading />}
      <Stack gap="sm">
        {comments?.length === 0 && <Text c="dimmed">{t('comments.none')}</Text>}
        {comments?.map((c) => <CommentItem key={c.id} comment={c} own={canWrite && !!me.user && c.author?.id === me.user.id} onChanged={() => void refresh()} />)}
        {canWrite && (
          <CommentComposer
            label={t('comments.add')}
            submitLabel={t('comments.submit')}
            onSubmit={async (body, mentionedUserIds) => {
              const result = await addComment({ subjectType, subjectId, body, mentionedUserIds });
              if (!result.error) void refresh();
              return result.error;
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
