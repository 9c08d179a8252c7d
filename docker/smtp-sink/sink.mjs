// SMTP in, JSON out: every message accepted whole at the end of DATA, kept in memory, listed at
// GET /messages ({ from, to, subject, messageId, raw } each, oldest first).
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const messages = [];
const header = (raw, name) => new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)?.[1].replace(/\r?\n[ \t]+/g, ' ').trim() ?? null;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      messages.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        subject: header(raw, 'Subject'),
        messageId: header(raw, 'Message-ID'),
        raw,
      });
      done();
    });
  },
});
smtp.listen(Number(process.env.SMTP_PORT ?? 1025), process.env.HOST ?? '0.0.0.0');

createServer((req, res) => {
  if (req.url === '/messages' && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
  } else if (req.url === '/messages' && req.method === 'DELETE') {
    messages.length = 0;
    res.writeHead(204).end();
  } else {
    res.writeHead(404).end();
  }
}).listen(Number(process.env.HTTP_PORT ?? 8025), process.env.HOST ?? '0.0.0.0');
console.log(`mail sink: SMTP on ${process.env.SMTP_PORT ?? 1025}, messages at http://…:${process.env.HTTP_PORT ?? 8025}/messages`);
