// The digest bench's SMTP sink, in a process of its own: it counts messages and their bytes and
// keeps nothing. Run apart from the bench so that the floor's sender (in the bench process) and
// the API (in its own) each have the sink on the other side of a socket, as a real MTA would be.
// Prints "READY <smtp url>"; answers {count: id} on IPC with {id, messages, bytes, cpuMs}.
import { SMTPServer } from 'smtp-server';

let messages = 0;
let bytes = 0;
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 0,
  onData(stream, _session, callback) {
    stream.on('data', (chunk) => (bytes += chunk.length));
    stream.on('end', () => {
      messages += 1;
      callback();
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY smtp://127.0.0.1:${server.server.address().port}\n`);
});
process.on('message', (message) => {
  if (message && message.count !== undefined) {
    const { user, system } = process.cpuUsage();
    process.send({ id: message.count, messages, bytes, cpuMs: (user + system) / 1000 });
  }
});
process.on('disconnect', () => process.exit(0));
