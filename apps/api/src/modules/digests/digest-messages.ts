/** The words of digests and their emails, in the recipient's language. */
export interface DigestMessages {
  locale: string;
  statusChanges(n: number): string;
  progressNotes(n: number): string;
  newSources(n: number): string;
  figuresMoved(n: number): string;
  mentions(n: number): string;
  assignments(n: number): string;
  reminders(n: number): string;
  subject(workspace: string, parts: string[]): string;
  intro(workspace: string, from: string, to: string): string;
  statusChangedBy(actor: string): string;
  progressNote: string;
  progressNotedBy(actor: string): string;
  /** The day a status change happened: "on Mar 1, 2024". */
  happenedOn(day: string): string;
  reason(label: string): string;
  /** StatusReasonCode → its name. */
  reasons: Record<string, string>;
  /** EvidenceStance → how a source stands to the status. */
  stances: Record<string, string>;
  mentionedBy(actor: string): string;
  assignedBy(actor: string): string;
  /** A reminder: the commitment is due on this day (formatted). */
  dueOn(day: string): string;
  /** The overdue flag: the commitment was due on this day (formatted) and is still open. */
  overdueSince(day: string): string;
  newSource: string;
  figure: string;
  openInPactwatch: string;
  unsubscribe: string;
  footer(workspace: string): string;
  /** The footer of an outside recipient's digest (an address an admin added). */
  footerOutside(workspace: string): string;
  status: Record<string, string>;
  confirmSubject(workspace: string): string;
  confirmText(workspace: string, inviter: string, link: string): string;
  unsubscribedPage(email: string | null): string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  confirmedPage: string;
  confirmQuestion: string;
  confirmButton: string;
  invalidLink: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: DigestMessages = {
  locale: 'en',
  statusChanges: (n) => plural(n, 'status change', 'status changes'),
  progressNotes: (n) => plural(n, 'progress note', 'progress notes'),
  progressNote: 'Progress note',
  progressNotedBy: (actor) => `noted by ${actor}`,
  newSources: (n) => plural(n, 'new source', 'new sources'),
  figuresMoved: (n) => plural(n, 'figure moved', 'figures moved'),
  mentions: (n) => plural(n, 'mention', 'mentions'),
  assignments: (n) => plural(n, 'assignment', 'assignments'),
  reminders: (n) => plural(n, 'reminder', 'reminders'),
  subject: (workspace, parts) => `${workspace}: ${parts.join(', ')}`,
  intro: (workspace, from, to) => `What changed in ${workspace} from ${from} to ${to}.`,
  statusChangedBy: (actor) => `changed by ${actor}`,
  happenedOn: (day) => `on ${day}`,
  reason: (label) => `Reason: ${label}`,
  reasons: {
    NO_FUNDING: 'No funding',
    POLITICAL_CHANGE: 'Political change',
    LEGAL_OBSTACLE: 'Legal obstacle',
    CAPACITY: 'Lack of capacity',
    EXTERNAL_EVENT: 'External event',
    DEPRIORITIZED: 'Deprioritized',
    COUNTERPART_INACTION: 'Counterpart inaction',
    OTHER: 'Other',
  },
  stances: { SUPPORTS: 'Supports', CONTRADICTS: 'Contradicts', CONTEXT: 'Context' },
  mentionedBy: (actor) => `${actor} mentioned you`,
  assignedBy: (actor) => `${actor} assigned this to you`,
  dueOn: (day) => `Reminder: due on ${day}`,
  overdueSince: (day) => `Overdue: it was due on ${day}`,
  newSource: 'New source',
  figure: 'Figure',
  openInPactwatch: 'Open in Pactwatch',
  unsubscribe: 'Unsubscribe',
  footer: (workspace) => `You get this digest because you follow commitments in ${workspace} on Pactwatch.`,
  footerOutside: (workspace) => `You get this digest because an administrator of ${workspace} on Pactwatch added this address, and you confirmed it.`,
  status: {
    ANNOUNCED: 'Announced',
    IN_PROGRESS: 'In progress',
    STALLED: 'Stalled',
    PARTIALLY_FULFILLED: 'Partially fulfilled',
    FULFILLED: 'Fulfilled',
    BROKEN: 'Broken',
  },
  confirmSubject: (workspace) => `Confirm your Pactwatch digest of ${workspace}`,
  confirmText: (workspace, inviter, link) =>
    `${inviter} signed you up for email digests of ${workspace} on Pactwatch.\n\nNothing is sent until you confirm:\n\n${link}\n\nIf you do not want them, ignore this message.\n`,
  unsubscribedPage: (email) => `${email ?? 'This address'} gets no more Pactwatch digests.`,
  unsubscribeQuestion: 'Stop receiving these Pactwatch digests?',
  unsubscribeButton: 'Unsubscribe',
  confirmedPage: 'Confirmed: your Pactwatch digests will arrive as scheduled.',
  confirmQuestion: 'Receive Pactwatch digests at this address?',
  confirmButton: 'Confirm',
  invalidLink: 'This link is not valid.',
};

const es: DigestMessages = {
  locale: 'es',
  statusChanges: (n) => plural(n, 'cambio de estado', 'cambios de estado'),
  progressNotes: (n) => plural(n, 'nota de avance', 'notas de avance'),
  progressNote: 'Nota de avance',
  progressNotedBy: (actor) => `anotada por ${actor}`,
  newSources: (n) => plural(n, 'fuente nueva', 'fuentes nuevas'),
  figuresMoved: (n) => plural(n, 'cifra actualizada', 'cifras actualizadas'),
  mentions: (n) => plural(n, 'mención', 'menciones'),
  assignments: (n) => plural(n, 'asignación', 'asignaciones'),
  reminders: (n) => plural(n, 'recordatorio', 'recordatorios'),
  subject: (workspace, parts) => `${workspace}: ${parts.join(', ')}`,
  intro: (workspace, from, to) => `Lo que cambió en ${workspace} del ${from} al ${to}.`,
  statusChangedBy: (actor) => `cambiado por ${actor}`,
  happenedOn: (day) => `el ${day}`,
  reason: (label) => `Motivo: ${label}`,
  reasons: {
    NO_FUNDING: 'Sin financiación',
    POLITICAL_CHANGE: 'Cambio político',
    LEGAL_OBSTACLE: 'Obstáculo legal',
    CAPACITY: 'Falta de capacidad',
    EXTERNAL_EVENT: 'Acontecimiento externo',
    DEPRIORITIZED: 'Ya no es prioritario',
    COUNTERPART_INACTION: 'Inacción de la contraparte',
    OTHER: 'Otro',
  },
  stances: { SUPPORTS: 'Respalda', CONTRADICTS: 'Contradice', CONTEXT: 'Contexto' },
  mentionedBy: (actor) => `${actor} le mencionó`,
  assignedBy: (actor) => `${actor} le asignó este compromiso`,
  dueOn: (day) => `Recordatorio: vence el ${day}`,
  overdueSince: (day) => `Vencido: vencía el ${day}`,
  newSource: 'Fuente nueva',
  figure: 'Cifra',
  openInPactwatch: 'Abrir en Pactwatch',
  unsubscribe: 'Cancelar suscripción',
  footer: (workspace) => `Recibe este resumen porque sigue compromisos de ${workspace} en Pactwatch.`,
  footerOutside: (workspace) => `Recibe este resumen porque un administrador de ${workspace} en Pactwatch añadió esta dirección y usted la confirmó.`,
  status: {
    ANNOUNCED: 'Anunciado',
    IN_PROGRESS: 'En curso',
    STALLED: 'Estancado',
    PARTIALLY_FULFILLED: 'Cumplido en parte',
    FULFILLED: 'Cumplido',
    BROKEN: 'Incumplido',
  },
  confirmSubject: (workspace) => `Confirme su resumen de Pactwatch sobre ${workspace}`,
  confirmText: (workspace, inviter, link) =>
    `${inviter} le suscribió a los resúmenes por correo de ${workspace} en Pactwatch.\n\nNo se enviará nada hasta que confirme:\n\n${link}\n\nSi no los desea, ignore este mensaje.\n`,
  unsubscribedPage: (email) => `${email ?? 'Esta dirección'} ya no recibirá resúmenes de Pactwatch.`,
  unsubscribeQuestion: '¿Dejar de recibir estos resúmenes de Pactwatch?',
  unsubscribeButton: 'Cancelar suscripción',
  confirmedPage: 'Confirmado: sus resúmenes de Pactwatch llegarán según lo previsto.',
  confirmQuestion: '¿Recibir resúmenes de Pactwatch en esta dirección?',
  confirmButton: 'Confirmar',
  invalidLink: 'Este enlace no es válido.',
};

export function digestMessages(locale: string): DigestMessages {
  return locale === 'es' ? es : en;
}
