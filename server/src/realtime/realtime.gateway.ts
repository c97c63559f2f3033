import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { toErrorResponse } from '../common/error.filter';
import {
  ClientToServerEvents,
  CommandError,
  ServerToClientEvents,
  SyncResponse,
  syncRequestSchema,
} from '../contracts/realtime';
import { type IoServer, OutboxRelay } from './outbox-relay';
import { rooms, roomsFor } from './rooms';
import { SyncService } from './sync.service';

interface SocketData {
  user: AuthUser;
  exp: number;
  ip: string;
}
type VigieSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const HEAD_INTERVAL_MS = 5000;

/**
 * The realtime edge: token checked at handshake (refused otherwise), one room per user, role
 * and service, `sync` to replay what a reconnecting client missed. Domain code never calls
 * this class: it publishes what the outbox relay reads from the database.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');
  private headTimer?: NodeJS.Timeout;

  @WebSocketServer()
  readonly server!: IoServer;

  constructor(
    private readonly auth: AuthService,
    private readonly sync: SyncService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
  ) {}

  afterInit(io: IoServer): void {
    io.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      this.auth
        .authenticate(typeof token === 'string' ? token : undefined)
        .then((user) => {
          if (!user) return next(new Error('unauthorized'));
          const data = socket.data as SocketData;
          data.user = { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, serviceId: user.serviceId };
          data.exp = user.exp;
          data.ip = socket.handshake.address;
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
    this.relay.attach(io);
    // a disabled account loses its open consoles at once, on every node
    this.relay.onPublished((type, data) => {
      if (type === 'user.updated' && data.disabled === true) {
        io.in(rooms.user(String(data.id))).disconnectSockets(true);
      }
    });
    // each node tells its own clients the latest seq, so one that missed a packet (Redis
    // outage, dropped frame) notices and calls sync
    this.headTimer = setInterval(() => {
      this.sync
        .head()
        .then((seq) => io.local.emit('sync.head', { seq }))
        .catch(() => undefined);
    }, HEAD_INTERVAL_MS);
    this.headTimer.unref();
    io.engine.on('close', () => clearInterval(this.headTimer));
  }

  handleConnection(socket: VigieSocket): void {
    const { user, exp } = socket.data;
    void socket.join(roomsFor(user));
    // the access token is short-lived: the socket ends with it and the client reconnects
    // with a fresh one (so a disabled account cannot keep listening)
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, exp * 1000 - Date.now()));
    socket.once('disconnect', () => clearTimeout(timer));
  }

  @SubscribeMessage('sync')
  async handleSync(
    @ConnectedSocket() socket: VigieSocket,
    @MessageBody() body: unknown,
  ): Promise<SyncResponse | CommandError> {
    const { user, ip } = socket.data;
    try {
      const { since } = parseOrThrow(syncRequestSchema, body);
      const response = await this.sync.since(user, since);
      void this.audit.record(this.auditEntry(user, ip, 'success', { since }));
      return response;
    } catch (e) {
      const { status, body: error } = toErrorResponse(e);
      if (status >= 500) this.logger.error(e instanceof Error ? e.stack : e);
      void this.audit.record(this.auditEntry(user, ip, 'failure', { code: error.code }));
      return { error };
    }
  }

  private auditEntry(user: AuthUser, ip: string, outcome: 'success' | 'failure', details: Record<string, unknown>) {
    return {
      actorId: user.id,
      actorEmail: user.email,
      action: 'socket sync',
      target: null,
      outcome,
      status: null,
      requestId: null,
      ip,
      details,
    };
  }
}
