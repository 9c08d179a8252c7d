import { describe, expect, it } from 'vitest';
import type { ActivityFieldsFragment } from '../../../gql/graphql';
import { i18n } from '../../../i18n/i18n';
import { describeActivity } from './describe-activity';

type Change = ActivityFieldsFragment['change'];
const record = (title: string | null = null): Change => ({ __typename: 'RecordChange', title, version: null });
const row = (verb: string, change: Change, opts: { subjectType?: string; subjectTitle?: string | null; commitmentId?: string | null; agreementId?: string | null } = {}) =>
  ({
    id: '1', verb, subjectType: opts.subjectType ?? 'Commitment', subjectId: 'c1', subjectTitle: opts.subjectTitle ?? null, change,
    commitmentId: opts.commitmentId === undefined ? 'c1' : opts.commitmentId, agreementId: opts.agreementId ?? null,
    actorLabel: 'Ana Analyst', createdAt: '2026-12-06T10:00:00Z',
  }) satisfies ActivityFieldsFragment;

describe('describeActivity', () => {
  it('names the member an assignment is about, and links the commitment', () => {
    const t = i18n.getFixedT('en');
    const assignment = (title: string): Change => ({ __typename: 'CommitmentAssignmentChange', title, version: null, assigneeName: 'Victor Viewer' });
    expect(describeActivity(row('commitment.assigned', assignment('Open shelters')), t)).toEqual({
      title: 'Open shelters', summary: 'Assigned to Victor Viewer', href: '/commitments/c1',
    });
    expect(describeActivity(row('commitment.unassigned', assignment('Open shelters')), t).summary).toBe('Victor Viewer unassigned');
    expect(describeActivity(row('commitment.assigned', assignment('Abrir albergues')), i18n.getFixedT('es')).summary).toBe('Asignado a Victor Viewer');
  });

  it('says from which status to which a status change moved', () => {
    const t = i18n.getFixedT('en');
    const moved: Change = { __typename: 'CommitmentStatusChange', title: 'Open shelters', version: 3, fromStatus: 'ANNOUNCED', toStatus: 'STALLED' };
    expect(describeActivity(row('commitment.status_changed', moved), t).summary).toMatch(/→/);
    const note: Change = { __typename: 'CommitmentStatusChange', title: 'Open shelters', version: 3, fromStatus: null, toStatus: 'STALLED' };
    expect(describeActivity(row('commitment.progress_recorded', note), t).summary).not.toMatch(/→/);
  });

  it('always says what an entry concerns: the title it wrote, else the title as it is now, else the kind of thing', () => {
    const t = i18n.getFixedT('en');
    // An edit that left the title alone, and a link: the commitment's current title.
    expect(describeActivity(row('commitment.updated', record(), { subjectTitle: 'Open shelters' }), t).title).toBe('Open shelters');
    const link: Change = { __typename: 'CommitmentLinkChange', title: null, version: null };
    expect(describeActivity(row('commitment.linked', link, { subjectTitle: 'Open shelters' }), t).title).toBe('Open shelters');
    // A comment: what it is on, and its page.
    const comment: Change = { __typename: 'CommentChange', title: null, version: null, onId: 'a1' };
    expect(describeActivity(row('comment.added', comment, { subjectType: 'Comment', subjectTitle: 'Joint statement', commitmentId: null, agreementId: 'a1' }), t))
      .toMatchObject({ title: 'Joint statement', href: '/agreements/a1' });
    // The title the change wrote wins (what it was called then); a name serves where there is no title.
    expect(describeActivity(row('commitment.updated', record('New'), { subjectTitle: 'Newer still' }), t).title).toBe('New');
    expect(describeActivity(row('theme.created', record('Asylum'), { subjectType: 'Theme', commitmentId: null }), t)).toMatchObject({ title: 'Asylum', href: null });
    // A source links the commitment it is on.
    expect(describeActivity(row('evidence.added', record('INM bulletin'), { subjectType: 'Evidence' }), t).href).toBe('/commitments/c1');
  });
});
