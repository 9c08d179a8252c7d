import { useState } from 'react';
import { Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ConfirmButton } from '../../ui/confirm-button';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import type { CommentNode } from '../hooks/use-comments';
import { useDeleteComment } from '../hooks/use-delete-comment';
import { useEditComment } from '../hooks/use-edit-comment';
import { CommentComposer } from './comment-composer';
import classes from './comments.module.css';

export interface CommentItemProps {
  comment: CommentNode;
  /** The author may edit and delete (and only with the right to write). */
  own: boolean;
  onChanged: () => void;
}

export function CommentItem({ comment: c, own, onChanged }: CommentItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { editComment } = useEditComment();
  const { deleteComment } = useDeleteComment();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const author = c.author?.name ?? t('comments.formerMember');

  return (
    <Paper component="article" withBorder p="sm" radius="md" aria-label={t('comments.by', { name: author })} data-testid="comment">
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {author}
        </Text>
        <Text size="xs" c="dimmed">
          {format.dateTime(c.createdAt)}
          {c.editedAt && !c.deleted ? ` · ${t('comments.edited')}` : ''}
        </Text>
      </Group>
      {c.deleted ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('comments.deleted')}
        </Text>
      ) : editing ? (
        <CommentComposer
          label={t('comments.edit')}
          submitLabel={t('comments.save')}
          initialBody={c.body}
          initialMentions={c.mentions}
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentionedUserIds) => {
            const result = await editComment({ commentId: c.id, body, mentionedUserIds });
            if (!result.error) {
              setEditing(false);
              onChanged();
            }
            return result.error;
          }}
        />
      ) : (
        <Stack gap={6}>
          {/* bodyHtml is rendered by the API from Markdown with raw HTML escaped and only http(s) links
              kept (apps/api/src/modules/comments/markdown.ts); that guarantee, and nothing else, is why
              it may be inserted as HTML here. Never do this with any other field. */}
          <Box className={classes.body} dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
          {own && (
            <Group gap="xs" justify="flex-end">
              <Button variant="subtle" size="compact-xs" onClick={() => setEditing(true)}>
                {t('comments.edit')}
              </Button>
              <ConfirmButton
                variant="subtle"
                size="compact-xs"
                color="red"
                question={t('comments.deleteQuestion')}
                confirmLabel={t('comments.delete')}
                onConfirm={async () => {
                  const result = await deleteComment(c.id);
                  setError(result.error ?? null);
                  if (!result.error) onChanged();
                }}
              >
                {t('comments.delete')}
              </ConfirmButton>
            </Group>
          )}
          <ErrorAlert error={error} />
        </Stack>
      )}
    </Paper>
  );
}
