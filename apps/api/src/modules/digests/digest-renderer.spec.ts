import { DigestContent, DigestItem, inHistoryOrder } from './digest-content';
import { renderDigest, RenderOptions } from './digest-renderer';

const PUBLIC_URL = 'https://pactwatch.example.org';
const UNSUBSCRIBE = `${PUBLIC_URL}/unsubscribe?token=sub.signature`;
const SOURCE_URL = 'https://www.gob.mx/sre/prensa/1?lang=es&page=2';
const COMMITMENT = '00000000-0000-4000-8000-000000000501';

/** A stalled commitment: a back-dated change with a reason, a note and a source that contradicts the status before. */
const stalled = (over: Partial<DigestItem> = {}): DigestItem => ({
  kind: 'STATUS',
  at: new Date('2024-03-06T15:30:00Z'),
  actor: 'Ana <i>Analyst</i>',
  occurredOn: '2024-03-01',
  from: 'IN_PROGRESS',
  to: 'STALLED',
  reasonCode: 'CAPACITY',
  note: 'Shelters <script>alert(1)</script> & "more"',
  evidence: [{ title: 'SRE: <b>shelters</b> full', url: SOURCE_URL, stance: 'CONTRADICTS' }],
  ...over,
});

const content = (items: DigestItem[], audience: DigestContent['audience'] = 'MEMBER'): DigestContent => ({
  audience,
  workspaceName: 'US–Mexico migration talks',
  windowStart: new Date('2024-03-06T00:00:00Z'),
  windowEnd: new Date('2024-03-07T00:00:00Z'),
  agreements: [{ id: 'a1', title: 'Talks <2024>', commitments: [{ id: COMMITMENT, title: 'Mexico to open shelters', status: 'STALLED', items }] }],
  counts: { statusChanges: items.filter((i) => i.kind === 'STATUS').length, progressNotes: items.filter((i) => i.kind === 'PROGRESS').length, newSources: items.filter((i) => i.kind === 'SOURCE').length, figuresMoved: 0, mentions: 0, assignments: 0, reminders: 0 },
});

const options = (over: Partial<RenderOptions> = {}): RenderOptions => ({ locale: 'en', timeZone: 'UTC', publicUrl: PUBLIC_URL, unsubscribeUrl: UNSUBSCRIBE, ...over });

/** How Intl writes a recorded instant for the recipient (its spaces vary by ICU version). */
const recorded = (at: Date, locale: string, timeZone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('digest email: status changes with their reason, the sources’ stance and the day they happened', () => {
  it('in English: "on <day>", the reason, the stance of each cited source, in both parts', () => {
    const { text, html } = renderDigest(content([stalled()]), options());
    expect(text).toContain(`  In progress → Stalled on Mar 1, 2024 (changed by Ana <i>Analyst</i>, ${recorded(stalled().at, 'en', 'UTC')})`);
    expect(text).toContain('    Reason: Lack of capacity');
    expect(text).toContain(`    - SRE: <b>shelters</b> full (Contradicts) <${SOURCE_URL}>`);
    expect(html).toContain('<strong>In progress &rarr; Stalled</strong> on Mar 1, 2024');
    expect(html).toContain('Reason: Lack of capacity');
    expect(html).toMatch(/SRE: &lt;b&gt;shelters&lt;\/b&gt; full<\/a> <span style="[^"]*">&middot; Contradicts<\/span>/);
  });

  it('in Spanish: "el <día>", the reason and the stance in Spanish', () => {
    const { text, html } = renderDigest(content([stalled()]), options({ locale: 'es' }));
    expect(text).toContain(`  En curso → Estancado el 1 mar 2024 (cambiado por Ana <i>Analyst</i>, ${recorded(stalled().at, 'es', 'UTC')})`);
    expect(text).toContain('    Motivo: Falta de capacidad');
    expect(text).toContain(`    - SRE: <b>shelters</b> full (Contradice) <${SOURCE_URL}>`);
    expect(html).toContain('<strong>En curso &rarr; Estancado</strong> el 1 mar 2024');
    expect(html).toContain('Motivo: Falta de capacidad');
    expect(html).toContain('&middot; Contradice</span>');
  });

  it('a new source on its own shows its publisher and stance; a change without a reason or a day shows neither', () => {
    const source: DigestItem = { kind: 'SOURCE', at: new Date('2024-03-06T10:00:00Z'), actor: 'Ana', source: { title: 'CBP figures', url: null, publisher: 'CBP', stance: 'SUPPORTS' } };
    const plain = stalled({ reasonCode: null, occurredOn: null, evidence: [], from: 'ANNOUNCED', to: 'IN_PROGRESS', note: '' });
    const { text, html } = renderDigest(content([source, plain]), options());
    expect(text).toContain('  New source: CBP figures (CBP; Supports)');
    expect(html).toContain('&middot; Supports</span>');
    expect(text).toMatch(/^ {2}Announced → In progress \(changed by /m);
    expect(text).not.toContain('Reason:');
    expect(html).not.toContain('Reason:');
  });

  it('escapes every value in HTML, a reason code or stance it has no name for included', () => {
    const hostile = stalled({ reasonCode: '<img src=x onerror=alert(1)>', evidence: [{ title: 'x', url: 'javascript:alert(1)', stance: '<svg onload=alert(2)>' }] });
    const { text, html } = renderDigest(content([hostile]), options());
    expect(html).not.toMatch(/<script|<img|<svg|<i>|<b>|javascript:/i);
    expect(html).toContain('Shelters &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(html).toContain('Reason: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&middot; &lt;svg onload=alert(2)&gt;</span>');
    expect(html).toContain('changed by Ana &lt;i&gt;Analyst&lt;/i&gt;');
    expect(html).toContain('Talks &lt;2024&gt;');
    // The plain-text part carries the values as they are.
    expect(text).toContain('    Reason: <img src=x onerror=alert(1)>');
    expect(text).toContain('“Shelters <script>alert(1)</script> & "more"”');
  });

  it('shows the recorded time in the recipient’s time zone and the day it happened as that day, whatever the zone', () => {
    const { text } = renderDigest(content([stalled({ at: new Date('2024-03-02T03:00:00Z'), occurredOn: '2024-03-01' })]), options({ timeZone: 'Asia/Tokyo' }));
    // 03:00 UTC is noon in Tokyo; the day it happened stays March 1 (a calendar day has no time zone).
    expect(text).toMatch(new RegExp(`Stalled on Mar 1, 2024 \\(changed by Ana <i>Analyst</i>, ${escapeRe(recorded(new Date('2024-03-02T03:00:00Z'), 'en', 'Asia/Tokyo'))}\\)`));
    expect(recorded(new Date('2024-03-02T03:00:00Z'), 'en', 'Asia/Tokyo')).toMatch(/^Mar 2, 2024, 12:00/);
  });

  it('orders a commitment’s items as the history does: by the day it happened in the recipient’s zone, then by when recorded', () => {
    // Recorded first: a source at 03:00 UTC on March 2 (still March 1, 21:00, in Mexico City).
    const source: DigestItem = { kind: 'SOURCE', at: new Date('2024-03-02T03:00:00Z'), actor: 'Ana', source: { title: 'Night source', url: null, publisher: null, stance: 'CONTEXT' } };
    // Recorded later, back-dated to March 1.
    const backdated = stalled({ at: new Date('2024-03-06T12:00:00Z'), occurredOn: '2024-03-01' });
    const order = (timeZone: string) => inHistoryOrder([source, backdated], timeZone).map((i) => i.kind);
    expect(order('UTC')).toEqual(['STATUS', 'SOURCE']);
    expect(order('America/Mexico_City')).toEqual(['SOURCE', 'STATUS']);
    const inText = (timeZone: string) => {
      const { text } = renderDigest(content([source, backdated]), options({ timeZone }));
      return text.indexOf('Night source') < text.indexOf('Stalled on Mar 1, 2024') ? 'source first' : 'status first';
    };
    expect(inText('UTC')).toBe('status first');
    expect(inText('America/Mexico_City')).toBe('source first');
  });
});

describe('digest email: who it is for', () => {
  /** Every address the email links to or writes out. */
  const addresses = (s: string) => [...s.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));

  it('a member’s digest links each commitment into the web client', () => {
    const { text, html } = renderDigest(content([stalled()]), options());
    expect(html).toContain(`<a href="${PUBLIC_URL}/commitments/${COMMITMENT}"`);
    expect(text).toContain(`  Open in Pactwatch: ${PUBLIC_URL}/commitments/${COMMITMENT}`);
    expect(text).toContain('because you follow commitments in US–Mexico migration talks');
  });

  it('an outside recipient’s digest links nothing that needs a sign-in: only the sources and the unsubscribe link', () => {
    const { text, html } = renderDigest(content([stalled()], 'OUTSIDE'), options());
    expect(new Set(addresses(html))).toEqual(new Set([SOURCE_URL, UNSUBSCRIBE]));
    expect(new Set(addresses(text))).toEqual(new Set([SOURCE_URL, UNSUBSCRIBE]));
    expect(text).not.toContain('Open in Pactwatch');
    // The commitment is still named, with what happened to it.
    expect(html).toContain('Mexico to open shelters');
    expect(text).toContain('* Mexico to open shelters [Stalled]');
    expect(text).toContain('Reason: Lack of capacity');
    expect(text).toContain('because an administrator of US–Mexico migration talks on Pactwatch added this address');
    expect(renderDigest(content([stalled()], 'OUTSIDE'), options({ locale: 'es' })).text).toContain('un administrador de US–Mexico migration talks en Pactwatch añadió esta dirección');
  });
});

describe('digest email: an assignment', () => {
  const assigned: DigestItem = { kind: 'ASSIGNED', at: new Date('2024-03-06T09:00:00Z'), actor: 'Ana <i>Analyst</i>' };
  const withAssignment = { ...content([assigned]), counts: { ...content([]).counts, assignments: 1 } };

  it('says who assigned the commitment, when, in the subject and both parts, escaped', () => {
    const { subject, text, html } = renderDigest(withAssignment, options());
    expect(subject).toContain('1 assignment');
    expect(text).toContain(`  Ana <i>Analyst</i> assigned this to you (${recorded(assigned.at, 'en', 'UTC')})`);
    expect(html).toContain('<strong>Ana &lt;i&gt;Analyst&lt;/i&gt; assigned this to you</strong>');
  });

  it('in Spanish, in the subject and the text', () => {
    const { subject, text } = renderDigest(withAssignment, options({ locale: 'es' }));
    expect(subject).toContain('1 asignación');
    expect(text).toContain('Ana <i>Analyst</i> le asignó este compromiso');
  });
});

describe('digest email: reminders', () => {
  const dueSoon: DigestItem = { kind: 'DUE_SOON', at: new Date('2024-03-06T09:00:00Z'), actor: 'system', dueOn: '2024-03-13' };
  const overdue: DigestItem = { kind: 'OVERDUE', at: new Date('2024-03-06T09:00:00Z'), actor: 'system', dueOn: '2024-03-01' };
  const withReminders = { ...content([dueSoon, overdue]), counts: { ...content([]).counts, reminders: 2 } };

  it('says the due date, or that it passed, in the subject and both parts', () => {
    const { subject, text, html } = renderDigest(withReminders, options());
    expect(subject).toContain('2 reminders');
    expect(text).toContain('  ! Reminder: due on Mar 13, 2024');
    expect(text).toContain('  ! Overdue: it was due on Mar 1, 2024');
    expect(html).toContain('<strong>Reminder: due on Mar 13, 2024</strong>');
  });

  it('in Spanish', () => {
    const { subject, text } = renderDigest(withReminders, options({ locale: 'es' }));
    expect(subject).toContain('2 recordatorios');
    expect(text).toContain('Recordatorio: vence el 13 mar 2024');
  });
});
