import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebSocket } from 'ws';
import { AuthedRequest } from '../../common/context/gql-context';
import { Principal } from '../../common/context/principal';
import { WORKSPACE_HEADER } from '../auth/auth.service';

export const ACCESS_CHANNEL = 'pactwatch_access';

/** What migration 1764910000000 announces on ACCESS_CHANNEL when it commits. */
export type AccessSignal =
  /** Removed from the workspace (role null) or given another role. */
  | { kind: 'membership'; userId: string; workspaceId: string; role: string | null }
  | { kind: 'session'; sessionId: string; userId: string }
  | { kind: 'api_key'; keyId: string; workspaceId: string };

/**
 * Why a live connection is closed. 4401 and 4403 are graphql-ws's own (clients do not retry
 * them); after a role change the client should come back at once, and gets what the new role
 * allows: a code of its own, as HTTP's 205 "reset content".
 */
export const CLOSED = {
  unauthorized: { code: 4401, reason: 'Unauthorized: the session or key is no longer valid' },
  removed: { code: 4403, reason: 'Forbidden: your access to this workspace changed' },
  roleChanged: { code: 4205, reason: 'Reconnect: your role in this workspace changed' },
} as const;

type Closing = (typeof CLOSED)[keyof typeof CLOSED];

interface LiveConnection {
  socket: WebSocket;
  req: AuthedRequest;
  principal: Principal;
  /** Set the moment its access ends, before the socket has finished closing: nothing more is delivered. */
  revoked: boolean;
}

// On the request object a connection's operations share (and on copies of it).
const CONNECTION = Symbol('pactwatch:live-connection');

/**
 * The open graphql-ws connections of this instance and who each one is, so that access ended
 * anywhere (heard from PostgreSQL: see LiveEventsService) closes the connections it concerns here.
 */
@Injectable()
export class LiveConnections {
  private readonly logger = new Logger('Live');
  private readonly open = new Set<LiveConnection>();

  constructor(private readonly dataSource: DataSource) {}

  /** Tracks an authenticated connection until its socket closes. */
  add(socket: WebSocket, req: AuthedRequest, principal: Principal): void {
    const connection: LiveConnection = { socket, req, principal, revoked: false };
    (req as unknown as Record<symbol, LiveConnection>)[CONNECTION] = connection;
    this.open.add(connection);
    socket.once('close', () => this.open.delete(connection));
  }

  get size(): number {
    return this.open.size;
  }

  /** Closes every connection the signal concerns. Synchronous, so events heard after the signal find them revoked. */
  apply(signal: AccessSignal): void {
    for (const connection of this.open) {
      const closing = this.closingFor(connection, signal);
      if (closing) this.close(connection, closing);
    }
  }

  /** `match`, refusing everything once the connection of `req` lost its access. */
  guard<T>(req: AuthedRequest | undefined, match: (value: T) => boolean): (value: T) => boolean {
    const connection = (req as unknown as Record<symbol, LiveConnection | undefined> | undefined)?.[CONNECTION];
    if (!connection) return match;
    return (value) => !connection.revoked && match(value);
  }

  /**
   * Checks every open connection against the database: for the signals that may have been missed
   * while the LISTEN connection was down.
   */
  async recheck(): Promise<void> {
    const connections = [...this.open].filter((c) => !c.revoked);
    if (!connections.length) return;
    const sessionIds: string[] = [];
    const keyIds: string[] = [];
    for (const { principal } of connections) (principal.kind === 'USER' ? sessionIds : keyIds).push(principal.kind === 'USER' ? principal.sessionId : principal.keyId);
    const userIds = connections.flatMap(({ principal }) => (principal.kind === 'USER' ? [principal.userId] : []));
    const [sessions, keys, memberships]: [{ id: string }[], { id: string }[], { userId: string; workspaceId: string; role: string }[]] = await Promise.all([
      this.dataSource.query('SELECT id FROM sessions WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL', [sessionIds]),
      this.dataSource.query('SELECT id FROM api_keys WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL', [keyIds]),
      this.dataSource.query('SELECT user_id AS "userId", workspace_id AS "workspaceId", role FROM memberships WHERE user_id = ANY($1::uuid[])', [userIds]),
    ]);
    const valid = new Set([...sessions, ...keys].map((r) => r.id));
    const roles = new Map(memberships.map((m) => [`${m.userId} ${m.workspaceId}`, m.role]));
    for (const connection of connections) {
      const { principal } = connection;
      if (!valid.has(principal.kind === 'USER' ? principal.sessionId : principal.keyId)) {
        this.close(connection, CLOSED.unauthorized);
        continue;
      }
      const workspaceId = this.workspaceOf(connection);
      if (principal.kind !== 'USER' || !workspaceId) continue;
      const role = roles.get(`${principal.userId} ${workspaceId}`);
      if (!role) this.close(connection, CLOSED.removed);
      else if (connection.req.caller?.role && connection.req.caller.role !== role) this.close(connection, CLOSED.roleChanged);
    }
  }

  private closingFor(connection: LiveConnection, signal: AccessSignal): Closing | null {
    const { principal } = connection;
    switch (signal.kind) {
      case 'session':
        return principal.kind === 'USER' && principal.sessionId === signal.sessionId ? CLOSED.unauthorized : null;
      case 'api_key':
        return principal.kind === 'API_KEY' && principal.keyId === signal.keyId ? CLOSED.unauthorized : null;
      case 'membership': {
        if (principal.kind !== 'USER' || principal.userId !== signal.userId) return null;
        // A connection that has not yet said which workspace it works in is closed too.
        const workspaceId = this.workspaceOf(connection);
        if (workspaceId && workspaceId !== signal.workspaceId) return null;
        return signal.role === null ? CLOSED.removed : CLOSED.roleChanged;
      }
    }
  }

  /** The workspace its operations work in: found by the guard at the first one, else the one it asked for or its token names. */
  private workspaceOf({ principal, req }: LiveConnection): string | null {
    if (principal.kind === 'API_KEY') return principal.workspaceId;
    const asked = req.headers?.[WORKSPACE_HEADER];
    return req.caller?.workspaceId ?? (typeof asked === 'string' && asked ? asked : null) ?? principal.tokenWorkspaceId;
  }

  private close(connection: LiveConnection, closing: Closing): void {
    if (connection.revoked) return;
    connection.revoked = true;
    this.open.delete(connection);
    this.logger.log(`closing a live connection: ${closing.reason}`);
    connection.socket.close(closing.code, closing.reason);
  }
}
