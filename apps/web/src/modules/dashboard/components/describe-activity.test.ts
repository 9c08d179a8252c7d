import { describe, expect, it } from 'vitest';
import type { ActivityFieldsFragment } from '../../../gql/graphql';
import { i18n } from '../../../i18n/i18n';
import { describeActivity } from './describe-activity';

const row = (verb: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, subjectType = 'Commitment', subjectTitle: string | null = null) =>
  ({ id: '1', verb, subjectType, subjectId: 'c1', subjectTitle, before, after, actorLabel: 'Ana Analyst', actorType: 'USER', createdAt: '2026-12-06T10:00:00Z' }) as unknown as ActivityFieldsFragment;

describe('describeActivity', () => {
  it('names the member an assignment is about, and links the commitment', () => {
    const t = i18n.getFixedT('en');
    expect(describeActivity(row('commitment.assigned', null, { title: 'Open shelters', assigneeName: 'Victor Viewer' }), t)).toEqual({
      title: 'Open shelters', summary: 'Assigned to Victor Viewer', href: '/commitments/c1',
    });
    expect(describeActivity(row('commitment.unassigned', { assigneeName: 'Victor Viewer' }, { title: 'Open shelters' }), t).summary).toBe('Victor Viewer unassigned');
    expect(describeActivity(row('commitment.assigned', null, { title: 'Abrir albergues', assigneeName: 'Victor Viewer' }), i18n.getFixedT('es')).summary).toBe('Asignado a Victor Viewer');
  });

  it('always says what an entry concerns: the title it wrote, else the title as it is now, else a name', () => {
    const t = i18n.getFixedT('en');
    // An edit that left the title alone, and a link: the commitment's current title.
    expect(describeActivity(row('commitment.updated', { version: 1, description: 'a' }, { version: 2, description: 'b' }, 'Commitment', 'Open shelters'), t).title).toBe('Open shelters');
    expect(describeActivity(row('commitment.linked', null, { linkId: 'l1', kind: 'DEPENDS_ON' }, 'Commitment', 'Open shelters'), t).title).toBe('Open shelters');
    // A comment: what it is on.
    expect(describeActivity(row('comment.added', null, { subjectType: 'AGREEMENT', subjectId: 'a1', body: 'Minutes' }, 'Comment', 'Joint statement'), t)).toMatchObject({ title: 'Joint statement', href: '/agreements/a1' });
    // The title the change wrote wins (what it was called then); a name serves where there is no title.
    expect(describeActivity(row('commitment.updated', { title: 'Old' }, { title: 'New' }, 'Commitment', 'Newer still'), t).title).toBe('New');
    expect(describeActivity(row('theme.created', null, { name: 'Asylum' }, 'Theme'), t).title).toBe('Asylum');
  });
});
