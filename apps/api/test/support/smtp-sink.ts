import { AddressInfo, Socket } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** A message the sink accepted (answered 250 to), as it arrived. */
export interface SinkMessage {
  raw: Buffer;
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  /** The sender's port: which client (process) delivered it. */
  remotePort: number;
  at: number;
  /** Whether the client got the sink's 250 (false while it waits, and for good if it went away). */
  answered: boolean;
}

export interface SmtpSinkOptions {
  /** Waits this long after the data before accepting a message. */
  delayMs?: number;
  /** A reason to refuse RCPT TO for this address (answered 550, or the code given), or null to take it. */
  reject?: (address: string) => string | { code: number; message: string } | null;
  /** Keeps each message's raw bytes; off, only counts (benchmarks). */
  keep?: boolean;
  /**
   * When a message counts as delivered: 'data-end' (the default) keeps it as soon as its data has
   * arrived, before the sink answers — as a real MTA queues a message before its 250, so a client
   * that dies waiting for the answer has still delivered it; 'answer' only once the 250 is sent to a
   * client still connected.
   */
  keepAt?: 'data-end' | 'answer';
  /** Where a closed gate holds a message: after its data (the default) or at RCPT TO, before any data. */
  holdAt?: 'data-end' | 'rcpt';
  /** The port to listen on (0: any free one). */
  port?: number;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  messages: SinkMessage[];
  /** How many messages were kept (also when `keep` is off). */
  readonly accepted: number;
  /** Can be changed while running. */
  delayMs: number;
  /** Closes the gate once this many messages have been accepted (null: never on its own). */
  holdAfter: number | null;
  /** Stops accepting: messages that arrive wait, unanswered, until release(). */
  hold(): void;
  release(): void;
  /** The client ports of the messages waiting at the gate, whose connection is still open. */
  waiting(): number[];
  /** The accepted messages, parsed as a mail client would. */
  parsed(): Promise<(ParsedMail & { envelopeTo: string[] })[]>;
  close(): Promise<void>;
}

/**
 * An SMTP server in the test process. Like a real MTA it keeps a message once its data has
 * arrived, before it answers 250 (`keepAt: 'data-end'`): a client killed while it waits for the
 * answer (at the delay, or at a closed gate) has delivered it, without knowing so.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const keep = options.keep ?? true;
  const keepAt = options.keepAt ?? 'data-end';
  const holdAt = options.holdAt ?? 'data-end';
  const messages: SinkMessage[] = [];
  const closed = new Set<string>();
  const gate: { open: boolean; waiting: { session: SMTPServerSession; go: () => void }[] } = { open: true, waiting: [] };
  let accepted = 0;

  const sink: SmtpSink = {
    url: '',
    messages,
    get accepted() {
      return accepted;
    },
    delayMs: options.delayMs ?? 0,
    holdAfter: null,
    hold() {
      gate.open = false;
    },
    release() {
      gate.open = true;
      for (const w of gate.waiting.splice(0)) w.go();
    },
    waiting() {
      return gate.waiting.filter((w) => !closed.has(w.session.id)).map((w) => w.session.remotePort);
    },
    async parsed() {
      return Promise.all(messages.map(async (m) => Object.assign(await simpleParser(m.raw), { envelopeTo: m.to })));
    },
    // Clients keep pooled connections open: they are cut rather than waited for.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };

  const record = (session: SMTPServerSession, raw: Buffer): SinkMessage | null => {
    accepted += 1;
    const message = { raw, to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), remotePort: session.remotePort, at: Date.now(), answered: false };
    if (keep) messages.push(message);
    if (sink.holdAfter !== null && accepted >= sink.holdAfter) sink.hold();
    return message;
  };
  const answer = (session: SMTPServerSession, raw: Buffer, kept: SinkMessage | null, done: (err?: Error | null) => void) => {
    if (closed.has(session.id)) return done(new Error('client gone'));
    const message = kept ?? record(session, raw);
    if (message) message.answered = true;
    done();
  };
  const atGate = (session: SMTPServerSession, go: () => void) => (gate.open ? go() : gate.waiting.push({ session, go }));

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    onRcptTo(address, session, callback) {
      const reason = options.reject?.(address.address.toLowerCase()) ?? null;
      const go = () => {
        if (!reason) return callback();
        const { code, message } = typeof reason === 'string' ? { code: 550, message: reason } : reason;
        return callback(Object.assign(new Error(message), { responseCode: code }));
      };
      if (holdAt === 'rcpt') atGate(session, go);
      else go();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => keep && chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const kept = keepAt === 'data-end' ? record(session, raw) : null;
        const go = () => answer(session, raw, kept, callback);
        const wait = () => (holdAt === 'data-end' ? atGate(session, go) : go());
        if (sink.delayMs > 0) setTimeout(wait, sink.delayMs);
        else wait();
      });
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  server.on('error', () => undefined);
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
