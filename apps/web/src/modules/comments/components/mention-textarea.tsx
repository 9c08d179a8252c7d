import { KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { Paper, Text, Textarea, TextareaProps, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFindMembers } from '../hooks/use-find-members';
import { insertMention, MentionDraft, MentionedMember, mentionAt } from '../mentions';
import classes from './comments.module.css';

export interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** Called with each member picked from the suggestions; the text then holds "@Name". */
  onMention: (member: MentionedMember) => void;
}

/**
 * A textarea that suggests workspace members after "@": arrow keys move through them, Enter or
 * Tab picks one, Escape closes the list, and typing goes on as normal. The textarea keeps the focus
 * throughout (the list is its aria-activedescendant).
 */
export function MentionTextarea({ value, onChange, onMention, ...textarea }: MentionTextareaProps) {
  const { t } = useTranslation();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once the text with a picked mention is rendered.
  const caretAfterPick = useRef<{ text: string; caret: number } | null>(null);
  const [draft, setDraft] = useState<MentionDraft | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [query] = useDebouncedValue(draft ? draft.query : null, 150);
  const { members } = useFindMembers(draft ? query : null);
  const options = draft && query !== null && draft.start !== dismissedAt ? (members ?? []) : [];
  const open = options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  const track = (element: HTMLTextAreaElement) => {
    const next = mentionAt(element.value, element.selectionStart ?? element.value.length);
    setDraft((current) => (current && next && current.start === next.start && current.query === next.query ? current : next));
    if (!next || next.start !== draft?.start) setActive(0);
    if (!next) setDismissedAt(null);
  };

  const pick = (member: MentionedMember) => {
    if (!draft) return;
    const next = insertMention(value, draft, member.name);
    onChange(next.text);
    onMention(member);
    setDraft(null);
    setActive(0);
    caretAfterPick.current = next;
  };

  // The caret is placed as soon as the new text is in the textarea, before the next key is handled:
  // placed a frame later, a key typed meanwhile landed where it was and the rest after the mention.
  useLayoutEffect(() => {
    const pending = caretAfterPick.current;
    const element = ref.current;
    if (!pending || !element || value !== pending.text) return;
    caretAfterPick.current = null;
    element.focus();
    element.setSelectionRange(pending.caret, pending.caret);
  }, [value]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(options[activeIndex]);
    } else if (event.key === 'Escape') {
      // Closes the list, not the dialog or form around it.
      event.preventDefault();
      event.stopPropagation();
      if (draft) setDismissedAt(draft.start);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className={classes.mentionBox}>
      <Textarea
        ref={ref}
        autosize
        minRows={3}
        maxRows={12}
        {...textarea}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          track(e.currentTarget);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key) || !open) track(e.currentTarget);
        }}
        onClick={(e) => track(e.currentTarget)}
        onBlur={() => setDraft(null)}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
      />
      {open && (
        <Paper withBorder shadow="sm" className={classes.mentionList} id={listId} role="listbox" aria-label={t('comments.mentionList')}>
          {options.map((member, index) => (
            <UnstyledButton
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              tabIndex={-1}
              className={classes.mentionOption}
              data-active={index === activeIndex || undefined}
              // Keeps the focus (and the caret) in the textarea.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(member)}
            >
              <Text size="sm" span>
                {member.name}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </div>
  );
}
