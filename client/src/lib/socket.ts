import type { ClientToServerEvents, ServerToClientEvents } from '@contracts/realtime';
import { io, type Socket } from 'socket.io-client';
import { getAccessToken } from './session';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The one Socket.IO connection of the app (same origin, path /socket.io). `auth` is a function so
 * every reconnection presents the access token current at that moment.
 */
export const socket: AppSocket = io({
  autoConnect: false,
  transports: ['websocket'],
  auth: (cb) => {
    cb({ token: getAccessToken() });
  },
});

export function connectSocket(): void {
  if (!socket.connected) socket.connect();
}

export function disconnectSocket(): void {
  socket.disconnect();
}
