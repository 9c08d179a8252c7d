import { describe, expect, it } from 'vitest';
import type { ActivityFieldsFragment } from '../../../gql/graphql';
import { i18n } from '../../../i18n/i18n';
import { describeActivity } from './describe-activity';

const row = (verb: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  ({ id: '1', verb, subjectType: 'Commitment', subjectId: 'c1', before, after, actorLabel: 'Ana Analyst', actorType: 'USER', createdAt: '2026-12-06T10:00:00Z' }) as unknown as ActivityFieldsFragment;

describe('describeActivity', () => {
  it('names the member an assignment is about, and links the commitment', () => {
    const t = i18n.getFixedT('en');
    expect(describeActivity(row('commitment.assigned', null, { title: 'Open shelters', assigneeName: 'Victor Viewer' }), t)).toEqual({
      title: 'Open shelters', summary: 'Assigned to Victor Viewer', href: '/commitments/c1',
    });
    expect(describeActivity(row('commitment.unassigned', { assigneeName: 'Victor Viewer' }, { title: 'Open shelters' }), t).summary).toBe('Victor Viewer unassigned');
    expect(describeActivity(row('commitment.assigned', null, { title: 'Abrir albergues', assigneeName: 'Victor Viewer' }), i18n.getFixedT('es')).summary).toBe('Asignado a Victor Viewer');
  });
});
