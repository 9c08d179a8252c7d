import { Anchor, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkEvidenceUrl } from '@pactwatch/domain';
import type { CommitmentQuery } from '../../../gql/graphql';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import { localToday } from '../../ui/local-today';

type Commitment = CommitmentQuery['commitment'];
type StatusEntry = Commitment['statusHistory']['edges'][number]['node'];
type EvidenceEntry = Commitment['evidence']['edges'][number]['node'];

/** `day` then `at` order the timeline: the day it happened, then when it was recorded. */
type Entry = { kind: 'status'; day: string; at: string; change: StatusEntry } | { kind: 'evidence'; day: string; at: string; evidence: EvidenceEntry };

/** The day a recorded time fell on, where the analyst is. */
const dayOf = (iso: string) => localToday(new Date(iso));

export interface CommitmentTimelineProps {
  commitment: Commitment;
}

/**
 * Status changes, progress notes and sources added on their own, newest first: what happened to this commitment,
 * in the order it happened (a back-filled change at its day; the entry it was created with first,
 * as the API orders its history).
 */
export function CommitmentTimeline({ commitment }: CommitmentTimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const changes = commitment.statusHistory.edges.map((e) => e.node);
  const withChange = new Set(changes.flatMap((c) => c.evidence.map((e) => e.id)));
  const entries: Entry[] = [
    ...changes.map((change) => ({ kind: 'status' as const, day: change.from ? change.occurredOn : '0001-01-01', at: change.createdAt, change })),
    ...commitment.evidence.edges
      .map((e) => e.node)
      .filter((e) => !withChange.has(e.id))
      .map((evidence) => ({ kind: 'evidence' as const, day: dayOf(evidence.createdAt), at: evidence.createdAt, evidence })),
  ].sort((a, b) => b.day.localeCompare(a.day) || b.at.localeCompare(a.at));

  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
      {entries.map((entry) =>
        entry.kind === 'status' ? (
          <Timeline.Item
            key={entry.change.id}
            title={
              entry.change.kind === 'PROGRESS' ? (
                <>
                  {`${t('timeline.progress')} · `}
                  <StatusBadge status={entry.change.to} />
                </>
              ) : (
                <>
                  {entry.change.from ? `${t(`status.${entry.change.from}`)} → ` : ''}
                  <StatusBadge status={entry.change.to} />
                </>
              )
            }
          >
            {entry.change.reasonCode && <Text size="sm">{t('timeline.reason', { reason: t(`reason.${entry.change.reasonCode}`) })}</Text>}
            {entry.change.note && <Text size="sm">{entry.change.note}</Text>}
            {entry.change.evidence.map((e) => (
              <Text size="sm" key={e.id}>
                {t('timeline.source')}{' '}
                {e.url && !checkEvidenceUrl(e.url) ? (
                  <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {e.title}
                  </Anchor>
                ) : (
                  e.title
                )}
              </Text>
            ))}
            <Text size="xs" c="dimmed" mt={4}>
              {entry.change.actor} ·{' '}
              {entry.change.occurredOn === dayOf(entry.change.createdAt)
                ? format.dateTime(entry.change.createdAt)
                : `${format.date(entry.change.occurredOn)} · ${t('occurredOn.recorded', { date: format.dateTime(entry.change.createdAt) })}`}
            </Text>
          </Timeline.Item>
        ) : (
          <Timeline.Item key={entry.evidence.id} title={t('timeline.sourceAdded')}>
            <Text size="sm">
              {entry.evidence.url && !checkEvidenceUrl(entry.evidence.url) ? (
                <Anchor href={entry.evidence.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {entry.evidence.title}
                </Anchor>
              ) : (
                entry.evidence.title
              )}
              {` · ${t(`stance.${entry.evidence.stance}`)}`}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {entry.evidence.addedBy} · {format.dateTime(entry.evidence.createdAt)}
            </Text>
          </Timeline.Item>
        ),
      )}
    </Timeline>
  );
}
