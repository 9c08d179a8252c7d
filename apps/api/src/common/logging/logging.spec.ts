import { QueryFailedError } from 'typeorm';
import { loggableError, requestIdFor, statementName } from './logging';

describe('logging helpers', () => {
  it('keeps a short plain x-request-id and replaces anything else', () => {
    expect(requestIdFor('edge-1:abc.def')).toBe('edge-1:abc.def');
    for (const bad of [undefined, '', 'x'.repeat(129), 'has space', 'line\nbreak', '"quoted"']) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('names statements by verb and first table', () => {
    expect(statementName('SELECT t.id, t.slug\n   FROM themes t WHERE t.workspace_id = $1')).toBe('SELECT themes');
    expect(statementName('INSERT INTO activity (workspace_id) VALUES ($1)')).toBe('INSERT activity');
    expect(statementName('UPDATE commitments SET title = $3 WHERE id = $2')).toBe('UPDATE commitments');
    expect(statementName('SELECT pg_advisory_xact_lock(1, 2)')).toBe('SELECT pg_advisory_xact_lock(1, 2)');
  });

  it('logs an error without the parameters TypeORM keeps on it, or a value the driver quotes back', () => {
    const driver = Object.assign(new Error('invalid input syntax for type uuid: "secret-value"'), { code: '22P02' });
    const logged = loggableError(new QueryFailedError('SELECT 1 WHERE id = $1', ['secret-value'], driver));
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '22P02', message: 'invalid input syntax for type uuid: "…"' });
    expect(JSON.stringify(logged)).not.toContain('secret-value');
  });
});
