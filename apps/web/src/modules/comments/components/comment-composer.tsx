import { FormEvent, useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorAlert } from '../../ui/error-alert';
import { commentProblem } from '../comment-rules';
import { MentionedMember, mentionedIds } from '../mentions';
import { MentionTextarea } from './mention-textarea';

export interface CommentComposerProps {
  /** Names the form: "Add a comment", "Edit your comment". */
  label: string;
  submitLabel: string;
  initialBody?: string;
  /** Members already mentioned (when editing), kept while their @Name stays in the text. */
  initialMentions?: MentionedMember[];
  /** Sends the comment; resolves with the server's error, if any. The text is cleared only on success. */
  onSubmit: (body: string, mentionedUserIds: string[]) => Promise<CombinedError | undefined>;
  onCancel?: () => void;
}

/** Writes a comment in Markdown with @mentions picked from the workspace's members. */
export function CommentComposer({ label, submitLabel, initialBody = '', initialMentions = [], onSubmit, onCancel }: CommentComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initialBody);
  const [picked, setPicked] = useState<MentionedMember[]>(initialMentions);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const problem = attempted ? commentProblem(body) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (commentProblem(body)) return;
    setBusy(true);
    // Trailing space (after a picked mention, say) is dropped, as the server would.
    const text = body.replace(/\s+$/, '');
    const failed = await onSubmit(text, mentionedIds(text, picked));
    setBusy(false);
    setError(failed ?? null);
    if (failed) return;
    setAttempted(false);
    if (!initialBody) {
      setBody('');
      setPicked([]);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <Stack gap="xs">
        <MentionTextarea
          label={t('comments.body')}
          description={t('comments.hint')}
          value={body}
          onChange={setBody}
          onMention={(member) => setPicked((current) => [...current, member])}
          error={problem ? t(`comments.errors.${problem}`) : undefined}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" size="xs" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" size="xs" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
