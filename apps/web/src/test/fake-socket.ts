/** A WebSocket the test plays the server of: it sees what the client sends and answers by hand. */
export class FakeSocket {
  static OPEN = 1;
  static CLOSING = 2;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((error: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.all.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }
  send(data: string) {
    const message = JSON.parse(data);
    this.sent.push(message);
    if (message.type === 'connection_init') setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }));
  }
  close(code = 1000, reason = '') {
    this.drop(code, reason);
  }
  /** The server (or the network) ends the connection. */
  drop(code: number, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: code === 1000 });
  }
  subscribes() {
    return this.sent.filter((m) => m.type === 'subscribe') as { payload: { variables: Record<string, unknown> } }[];
  }
}
