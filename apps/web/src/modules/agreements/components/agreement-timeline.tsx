import { type ReactNode, useState } from 'react';
import { Anchor, Button, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementQuery } from '../../../gql/graphql';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import { localToday } from '../../ui/local-today';

type Agreement = AgreementQuery['agreement'];

interface Entry {
  key: string;
  /** ISO date or date-time; sorts as text. */
  at: string;
  dateOnly: boolean;
  title: ReactNode;
  body?: ReactNode;
  /** For a change recorded on another day than it happened. */
  recordedAt?: string;
}

export interface AgreementTimelineProps {
  agreement: Agreement;
}

/** How many entries show at first, and how many more each "Show more" adds: a long history stays a page, not a scroll. */
export const TIMELINE_STEP = 10;

/** The agreement's own dates, its sources, and every status change of its commitments, newest first. */
export function AgreementTimeline({ agreement: a }: AgreementTimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(TIMELINE_STEP);
  const entries: Entry[] = [];
  const milestone = (key: string, date: string | null | undefined) => date && entries.push({ key, at: date, dateOnly: true, title: t(`agreements.${key}`) });
  milestone('heldOn', a.heldOn);
  milestone('signedOn', a.signedOn);
  milestone('inForceOn', a.inForceOn);
  for (const s of a.sources) {
    if (s.publishedOn) entries.push({ key: s.id, at: s.publishedOn, dateOnly: true, title: t('agreements.published'), body: s.title });
  }
  for (const { node: c } of a.commitments.edges) {
    for (const { node: change } of c.statusHistory.edges) {
      // The day it happened; the recorded time when that was the same day (it says more).
      const sameDay = change.occurredOn === localToday(new Date(change.createdAt));
      entries.push({
        key: change.id,
        at: sameDay ? change.createdAt : change.occurredOn,
        dateOnly: !sameDay,
        recordedAt: sameDay ? undefined : change.createdAt,
        title: (
          <>
            <Anchor component={Link} to={`/commitments/${c.id}`} size="sm">
              {c.title}
            </Anchor>{' '}
            <StatusBadge status={change.to} />
          </>
        ),
        body: change.note,
      });
    }
  }
  entries.sort((x, y) => y.at.localeCompare(x.at));
  const more = Math.min(entries.length - shown, TIMELINE_STEP);

  return (
    <>
      <Timeline bulletSize={14} lineWidth={2}>
        {entries.slice(0, shown).map((e) => (
          <Timeline.Item key={e.key} title={e.title}>
            {e.body && <Text size="sm">{e.body}</Text>}
            <Text size="xs" c="dimmed" mt={4}>
              {e.dateOnly ? format.date(e.at) : format.dateTime(e.at)}
              {e.recordedAt && ` · ${t('occurredOn.recorded', { date: format.dateTime(e.recordedAt) })}`}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {more > 0 && (
        <Button variant="subtle" size="compact-sm" mt="sm" onClick={() => setShown((n) => n + TIMELINE_STEP)}>
          {t('agreements.timelineMore', { count: more })}
        </Button>
      )}
    </>
  );
}
