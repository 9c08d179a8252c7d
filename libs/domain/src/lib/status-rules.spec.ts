import {
  checkEvidenceStances,
  checkProgressNote,
  checkOccurredOn,
  checkStatusChange,
  EVIDENCE_REQUIRED_STATUSES,
  isOverdue,
  NOTE_MAX_LENGTH,
  REASON_REQUIRED_STATUSES,
  STANCES_THAT_BACK,
  StatusChange,
  todayIso,
} from './status-rules';
import { CommitmentStatus as S, EvidenceStance as E, StatusReasonCode as R } from './vocabulary';

const ALL = Object.values(S);

/** The smallest change that satisfies every rule for the target status. */
function validChange(from: S, to: S): StatusChange {
  return {
    from,
    to,
    note: EVIDENCE_REQUIRED_STATUSES.includes(to) ? 'Announced in the joint communiqué' : null,
    reasonCode: REASON_REQUIRED_STATUSES.includes(to) ? R.NO_FUNDING : null,
    evidenceCount: EVIDENCE_REQUIRED_STATUSES.includes(to) ? 1 : 0,
    evidenceStances: to === S.BROKEN ? [E.CONTRADICTS] : EVIDENCE_REQUIRED_STATUSES.includes(to) ? [E.SUPPORTS] : [],
  };
}

const fields = (change: StatusChange) => checkStatusChange(change).map((v) => v.field);

describe('status rule sets', () => {
  it('require evidence for PARTIALLY_FULFILLED, FULFILLED and BROKEN', () => {
    expect([...EVIDENCE_REQUIRED_STATUSES].sort()).toEqual([S.BROKEN, S.FULFILLED, S.PARTIALLY_FULFILLED]);
  });

  it('require a reason for STALLED and BROKEN', () => {
    expect([...REASON_REQUIRED_STATUSES].sort()).toEqual([S.BROKEN, S.STALLED]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(EVIDENCE_REQUIRED_STATUSES)).toBe(true);
    expect(Object.isFrozen(REASON_REQUIRED_STATUSES)).toBe(true);
  });

  it('limit notes to 10000 characters', () => expect(NOTE_MAX_LENGTH).toBe(10000));
});

describe('checkStatusChange', () => {
  describe('any status may follow any other', () => {
    const pairs = ALL.flatMap((from) => ALL.filter((to) => to !== from).map((to) => [from, to] as const));
    it.each(pairs)('%s -> %s is allowed when its requirements are met', (from, to) => {
      expect(checkStatusChange(validChange(from, to))).toEqual([]);
    });
  });

  it.each(ALL)('refuses a move from %s to itself', (status) => {
    expect(checkStatusChange(validChange(status, status))).toEqual([
      { field: 'status', message: `The commitment is already ${status}` },
    ]);
  });

  it('refuses an unknown target status from a JS caller', () => {
    const change = { from: S.ANNOUNCED, to: 'DONE' as S, evidenceCount: 0, evidenceStances: [] };
    expect(checkStatusChange(change)).toEqual([{ field: 'status', message: 'DONE is not a known status' }]);
  });

  it('refuses an unknown current status', () => {
    const change = { from: 'done' as S, to: S.IN_PROGRESS, evidenceCount: 0, evidenceStances: [] };
    expect(checkStatusChange(change)).toEqual([
      { field: 'status', message: 'The current status done is not a known status' },
    ]);
  });

  it('refuses a lower-case status, since values are case-sensitive', () => {
    expect(fields({ from: S.ANNOUNCED, to: 'fulfilled' as S, evidenceCount: 1, evidenceStances: [], note: 'x' })).toEqual(['status']);
  });

  describe.each(EVIDENCE_REQUIRED_STATUSES)('a move to %s', (to) => {
    const base = validChange(S.IN_PROGRESS, to);

    it.each([null, undefined, '', '   ', '\n\t'])('refuses the note %j', (note) => {
      expect(checkStatusChange({ ...base, note })).toEqual([
        { field: 'note', message: `A move to ${to} needs a note explaining it` },
      ]);
    });

    it.each([0, -1, NaN])('refuses an evidence count of %p', (evidenceCount) => {
      expect(checkStatusChange({ ...base, evidenceCount })).toEqual([
        { field: 'evidenceIds', message: `A move to ${to} needs at least one evidence link` },
      ]);
    });

    it('accepts one evidence link, or several', () => {
      expect(checkStatusChange({ ...base, evidenceCount: 1 })).toEqual([]);
      expect(checkStatusChange({ ...base, evidenceCount: 5 })).toEqual([]);
    });

    it('reports a missing note and missing evidence together', () => {
      expect(fields({ ...base, note: null, evidenceCount: 0 })).toEqual(['note', 'evidenceIds']);
    });
  });

  it('uses the example wording for FULFILLED', () => {
    const [violation] = checkStatusChange({ ...validChange(S.IN_PROGRESS, S.FULFILLED), evidenceCount: 0 });
    expect(violation.message).toBe('A move to FULFILLED needs at least one evidence link');
  });

  it.each([S.ANNOUNCED, S.IN_PROGRESS, S.STALLED])('needs neither a note nor evidence for %s', (to) => {
    const from = to === S.ANNOUNCED ? S.IN_PROGRESS : S.ANNOUNCED;
    expect(checkStatusChange({ ...validChange(from, to), note: null, evidenceCount: 0 })).toEqual([]);
  });

  describe('evidence that matches the verdict', () => {
    it('backs fulfilling with SUPPORTS and breaking with CONTRADICTS or CONTEXT, and nothing else', () => {
      expect(STANCES_THAT_BACK).toEqual({
        PARTIALLY_FULFILLED: [E.SUPPORTS],
        FULFILLED: [E.SUPPORTS],
        BROKEN: [E.CONTRADICTS, E.CONTEXT],
      });
      expect(Object.isFrozen(STANCES_THAT_BACK)).toBe(true);
    });

    it.each([S.FULFILLED, S.PARTIALLY_FULFILLED])('refuses a move to %s whose only sources contradict it or give context', (to) => {
      for (const stances of [[E.CONTRADICTS], [E.CONTEXT], [E.CONTRADICTS, E.CONTEXT, E.CONTRADICTS]]) {
        expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, to), evidenceCount: stances.length, evidenceStances: stances })).toEqual([
          { field: 'evidenceIds', message: `A move to ${to} needs at least one source whose stance is SUPPORTS; the sources given are ${[...new Set(stances)].join(', ')}` },
        ]);
      }
    });

    it.each([S.FULFILLED, S.PARTIALLY_FULFILLED])('accepts a move to %s with one supporting source among others', (to) => {
      expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, to), evidenceCount: 3, evidenceStances: [E.CONTRADICTS, E.SUPPORTS, E.CONTEXT] })).toEqual([]);
    });

    it('refuses BROKEN when every source supports the commitment', () => {
      expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, S.BROKEN), evidenceCount: 2, evidenceStances: [E.SUPPORTS, E.SUPPORTS] })).toEqual([
        { field: 'evidenceIds', message: 'A move to BROKEN needs at least one source whose stance is CONTRADICTS or CONTEXT; the sources given are SUPPORTS' },
      ]);
    });

    it.each([[[E.CONTRADICTS]], [[E.CONTEXT]], [[E.SUPPORTS, E.CONTRADICTS]]])('accepts BROKEN with the sources %j', (stances) => {
      expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, S.BROKEN), evidenceCount: stances.length, evidenceStances: stances })).toEqual([]);
    });

    it.each([S.ANNOUNCED, S.IN_PROGRESS, S.STALLED])('asks nothing of the stances of sources given for %s', (to) => {
      const from = to === S.ANNOUNCED ? S.IN_PROGRESS : S.ANNOUNCED;
      for (const stance of Object.values(E)) {
        expect(checkStatusChange({ ...validChange(from, to), evidenceCount: 1, evidenceStances: [stance] })).toEqual([]);
      }
    });

    it('reports missing evidence alone, not a stance mismatch, when there is none', () => {
      expect(fields({ ...validChange(S.IN_PROGRESS, S.FULFILLED), evidenceCount: 0, evidenceStances: [] })).toEqual(['evidenceIds']);
    });

    it('checkEvidenceStances answers null where no stance is needed or none is known yet', () => {
      expect(checkEvidenceStances(S.IN_PROGRESS, [E.CONTRADICTS])).toBeNull();
      expect(checkEvidenceStances(S.FULFILLED, [])).toBeNull();
      expect(checkEvidenceStances(S.FULFILLED, [E.SUPPORTS])).toBeNull();
      expect(checkEvidenceStances(S.FULFILLED, [E.CONTEXT])?.field).toBe('evidenceIds');
    });
  });

  describe('note length', () => {
    const base = validChange(S.IN_PROGRESS, S.FULFILLED);

    it('accepts exactly 10000 characters and refuses 10001', () => {
      expect(checkStatusChange({ ...base, note: 'n'.repeat(10000) })).toEqual([]);
      expect(checkStatusChange({ ...base, note: 'n'.repeat(10001) })).toEqual([
        { field: 'note', message: 'note must be at most 10000 characters' },
      ]);
    });

    it('applies to optional notes too', () => {
      expect(fields({ ...validChange(S.ANNOUNCED, S.IN_PROGRESS), note: 'n'.repeat(10001) })).toEqual(['note']);
    });
  });

  describe.each(REASON_REQUIRED_STATUSES)('a move to %s', (to) => {
    it.each([null, undefined])('refuses the reason code %p', (reasonCode) => {
      expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, to), reasonCode })).toEqual([
        { field: 'reasonCode', message: `A move to ${to} needs a reason code` },
      ]);
    });

    it.each(Object.values(R))('accepts the reason code %s', (reasonCode) => {
      expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, to), reasonCode })).toEqual([]);
    });
  });

  it.each([S.ANNOUNCED, S.IN_PROGRESS, S.PARTIALLY_FULFILLED, S.FULFILLED])(
    'refuses a reason code for a move to %s',
    (to) => {
      const from = to === S.ANNOUNCED ? S.IN_PROGRESS : S.ANNOUNCED;
      expect(checkStatusChange({ ...validChange(from, to), reasonCode: R.OTHER })).toEqual([
        { field: 'reasonCode', message: `A reason code is only allowed for a move to STALLED or BROKEN, not ${to}` },
      ]);
    },
  );

  it.each(['LAZINESS', 'no_funding', ''])('refuses the unknown reason code %j', (reasonCode) => {
    expect(checkStatusChange({ ...validChange(S.IN_PROGRESS, S.STALLED), reasonCode: reasonCode as R })).toEqual([
      { field: 'reasonCode', message: `${reasonCode} is not a known reason code` },
    ]);
  });

  it('returns every violation at once', () => {
    const violations = checkStatusChange({ from: S.BROKEN, to: S.BROKEN, note: ' ', evidenceCount: 0, evidenceStances: [] });
    expect(violations.map((v) => v.field)).toEqual(['status', 'note', 'evidenceIds', 'reasonCode']);
  });
});

describe('checkProgressNote', () => {
  it.each([null, undefined, '', '   ', '\n\t'])('refuses the note %j, naming note', (note) => {
    expect(checkProgressNote(note)).toEqual([{ field: 'note', message: 'A progress note needs a note saying what happened' }]);
  });

  it('accepts a note up to 10000 characters and refuses one longer', () => {
    expect(checkProgressNote('INM raided two safe houses in Tapachula')).toEqual([]);
    expect(checkProgressNote('n'.repeat(10000))).toEqual([]);
    expect(checkProgressNote('n'.repeat(10001))).toEqual([{ field: 'note', message: 'note must be at most 10000 characters' }]);
  });
});

describe('isOverdue', () => {
  const today = '2024-06-15';

  it('is not overdue on the due day itself', () => {
    expect(isOverdue({ status: S.IN_PROGRESS, dueOn: '2024-06-15' }, today)).toBe(false);
  });

  it('is overdue from the day after the due day', () => {
    expect(isOverdue({ status: S.IN_PROGRESS, dueOn: '2024-06-14' }, today)).toBe(true);
  });

  it('is not overdue before the due day', () => {
    expect(isOverdue({ status: S.IN_PROGRESS, dueOn: '2024-06-16' }, today)).toBe(false);
  });

  it('compares across month and year ends', () => {
    expect(isOverdue({ status: S.ANNOUNCED, dueOn: '2023-12-31' }, '2024-01-01')).toBe(true);
    expect(isOverdue({ status: S.ANNOUNCED, dueOn: '2024-01-31' }, '2024-02-01')).toBe(true);
    expect(isOverdue({ status: S.ANNOUNCED, dueOn: '2024-10-01' }, '2024-09-30')).toBe(false);
  });

  it('is never overdue without a due date', () => {
    expect(isOverdue({ status: S.ANNOUNCED, dueOn: null }, today)).toBe(false);
  });

  it.each([S.ANNOUNCED, S.IN_PROGRESS, S.STALLED, S.PARTIALLY_FULFILLED])('counts %s past due as overdue', (status) => {
    expect(isOverdue({ status, dueOn: '2020-01-01' }, today)).toBe(true);
  });

  it.each([S.FULFILLED, S.BROKEN])('never counts the settled status %s as overdue', (status) => {
    expect(isOverdue({ status, dueOn: '2020-01-01' }, today)).toBe(false);
  });

  it('throws on a malformed date rather than compare it wrongly', () => {
    expect(() => isOverdue({ status: S.ANNOUNCED, dueOn: '2024-6-1' }, today)).toThrow(RangeError);
    expect(() => isOverdue({ status: S.ANNOUNCED, dueOn: '2024-06-01' }, '15/06/2024')).toThrow(RangeError);
    expect(() => isOverdue({ status: S.ANNOUNCED, dueOn: null }, '2024-02-30')).toThrow(RangeError);
  });
});

describe('todayIso', () => {
  it('gives the UTC date', () => {
    expect(todayIso(new Date('2024-06-15T23:59:59.999Z'))).toBe('2024-06-15');
    expect(todayIso(new Date('2024-06-16T00:00:00.000Z'))).toBe('2024-06-16');
    // 20:00 in Mexico City (UTC-6) is already the next day in UTC.
    expect(todayIso(new Date('2024-06-15T20:00:00-06:00'))).toBe('2024-06-16');
  });

  it('defaults to now', () => {
    const before = new Date().toISOString().slice(0, 10);
    const value = todayIso();
    const after = new Date().toISOString().slice(0, 10);
    expect([before, after]).toContain(value);
  });
});

describe('checkOccurredOn', () => {
  const now = new Date('2026-12-06T10:00:00Z');

  it('allows today, the past back to 1900, and the day it already is in UTC+14', () => {
    expect(checkOccurredOn('2026-12-06', now)).toBeNull();
    expect(checkOccurredOn('1900-01-01', now)).toBeNull();
    expect(checkOccurredOn('2026-12-07', now)).toBeNull();
  });

  it('refuses a day no time zone has reached, a day before 1900 and a malformed day, naming occurredOn', () => {
    expect(checkOccurredOn('2026-12-08', now)).toEqual({ field: 'occurredOn', message: 'occurredOn cannot be in the future' });
    expect(checkOccurredOn('2026-12-07', new Date('2026-12-06T09:59:59Z'))?.field).toBe('occurredOn');
    expect(checkOccurredOn('1899-12-31', now)?.message).toBe('occurredOn cannot be before 1900-01-01');
    expect(checkOccurredOn('2026-02-30', now)?.field).toBe('occurredOn');
  });
});
