import { Client } from 'pg';

/** The wait before retry number `attempt` (0-based): doubling from `minMs`, capped at `maxMs`, with jitter (half to all of it). */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface PgListenerOptions {
  url: string;
  applicationName: string;
  /** First retry after about this long… */
  minDelayMs?: number;
  /** …doubling up to about this long, then retried at that pace forever. */
  maxDelayMs?: number;
  /** Gives up on one connection attempt (connect and LISTEN) after this long. */
  connectTimeoutMs?: number;
  log?: { warn(message: string): void; log(message: string): void };
}

type Handler = (payload: string) => void;

/**
 * One PostgreSQL connection that LISTENs on every channel handlers registered for, for the whole
 * instance (live updates, presence, access signals). When it drops (the backend terminated, the
 * server restarted) or cannot connect, it tries again with exponential backoff and jitter, forever.
 * After every successful LISTEN the `onListening` hooks run, before any notification heard on
 * that connection is handed on: that is where the users catch up on what was said while nobody
 * listened (NOTIFY is not queued for a listener that is gone).
 */
export class PgListener {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly hooks = new Set<() => void>();
  private client?: Client;
  private listening = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  private closing = false;
  private started = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Hands every notification on `channel` to `handler`. Register before start(). */
  on(channel: string, handler: Handler): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let set = this.handlers.get(channel);
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
  }

  /** Runs `hook` (synchronously) after every successful LISTEN, the first one included. */
  onListening(hook: () => void): void {
    this.hooks.add(hook);
  }

  /** Whether the connection is up and LISTENing now. */
  isListening(): boolean {
    return this.listening;
  }

  /** Connects; a failure is logged and retried in the background. Resolves with whether the first attempt listens. */
  async start(): Promise<boolean> {
    if (this.started) return this.listening;
    this.started = true;
    await this.connect();
    return this.listening;
  }

  async stop(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    this.listening = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const { url, applicationName, connectTimeoutMs = 5000 } = this.options;
    const client = new Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
    this.client = client;
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      const wasListening = this.listening && this.client === client;
      if (this.client === client) {
        this.client = undefined;
        this.listening = false;
      }
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.closing) return;
      if (wasListening) this.options.log?.warn(`LISTEN connection lost (${reason}); reconnecting`);
      this.retry(reason);
    };
    client.on('notification', (msg) => {
      if (this.client !== client) return;
      // Heard before the LISTEN's answer was read (both in one packet): it is listening already.
      this.listeningOn(client);
      const handlers = this.handlers.get(msg.channel);
      if (!handlers || msg.payload === undefined) return;
      for (const handler of handlers) handler(msg.payload);
    });
    client.on('error', (err) => onLost(err.message));
    client.on('end', () => onLost('connection ended'));
    try {
      await client.connect();
      const channels = [...this.handlers.keys()];
      // Bounded like connect: a server that accepts and then says nothing is retried too.
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        client.query(channels.map((c) => `LISTEN ${c};`).join(' ') || 'SELECT 1'),
        new Promise((_, reject) => (timeout = setTimeout(() => reject(new Error('LISTEN timed out')), connectTimeoutMs))),
      ]).finally(() => clearTimeout(timeout));
    } catch (err) {
      onLost((err as Error).message);
      return;
    }
    if (!lost) this.listeningOn(client);
  }

  /** Once per connection, as soon as it is known to listen: the hooks run before its first notification is handed on. */
  private listeningOn(client: Client): void {
    if (this.closing || this.client !== client || this.listening) return;
    if (this.attempt > 0) this.options.log?.log(`LISTEN connection back after ${this.attempt} attempt(s)`);
    this.attempt = 0;
    this.listening = true;
    for (const hook of this.hooks) hook();
  }

  private retry(reason: string): void {
    if (this.closing) return;
    clearTimeout(this.timer);
    const delay = backoffDelay(this.attempt, this.options.minDelayMs ?? 100, this.options.maxDelayMs ?? 2000);
    this.attempt += 1;
    if (this.attempt > 1) this.options.log?.warn(`LISTEN connection attempt ${this.attempt - 1} failed (${reason}); next in ${delay} ms`);
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}
