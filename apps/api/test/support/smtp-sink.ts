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
}

export interface SmtpSinkOptions {
  /** Waits this long after the data before accepting a message. */
  delayMs?: number;
  /** A reason to refuse RCPT TO for this address (answered 550), or null to take it. */
  reject?: (address: string) => string | null;
  /** Keeps each message's raw bytes; off, only counts (benchmarks). */
  keep?: boolean;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  messages: SinkMessage[];
  /** How many messages were accepted (also when `keep` is off). */
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
 * An SMTP server in the test process. A message counts as delivered only once the sink answers
 * 250, and only if its client is still connected then: a client killed while its message waits
 * (at the delay, or at a closed gate) delivered nothing, as with a real server.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const keep = options.keep ?? true;
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

  const accept = (session: SMTPServerSession, raw: Buffer, done: (err?: Error | null) => void) => {
    if (closed.has(session.id)) return done(new Error('client gone'));
    accepted += 1;
    if (keep) messages.push({ raw, to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), remotePort: session.remotePort, at: Date.now() });
    if (sink.holdAfter !== null && accepted >= sink.holdAfter) sink.hold();
    done();
  };

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    onRcptTo(address, _session, callback) {
      const reason = options.reject?.(address.address.toLowerCase()) ?? null;
      if (!reason) return callback();
      return callback(Object.assign(new Error(reason), { responseCode: 550 }));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => keep && chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const go = () => accept(session, raw, callback);
        const atGate = () => (gate.open ? go() : gate.waiting.push({ session, go }));
        if (sink.delayMs > 0) setTimeout(atGate, sink.delayMs);
        else atGate();
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
