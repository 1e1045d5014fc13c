import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildOf, type FakeIds, type FakeUser } from './fakeDiscordEntities.js';

/**
 * The gateway half of the fake Discord, on the REST server's port: JSON and uncompressed, HELLO,
 * IDENTIFY → READY + GUILD_CREATE, heartbeat ACK, and dispatches to every connected client.
 */

export type FakeGateway = {
  /** The IDENTIFY payloads received, in order (their intents, for one). */
  identifies: { intents: number }[];
  /** Sends the event `t` with data `d` to every connected client. */
  dispatch(t: string, d: unknown): void;
  close(): void;
};

export function attachFakeGateway(server: Server, ids: FakeIds, botUser: FakeUser, gatewayUrl: () => string): FakeGateway {
  const identifies: { intents: number }[] = [];
  const sockets = new Set<WebSocket>();
  let sequence = 0;

  const dispatchTo = (socket: WebSocket, t: string, d: unknown) => socket.send(JSON.stringify({ op: 0, t, s: ++sequence, d }));

  const gateway = new WebSocketServer({ server });
  gateway.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString());
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        identifies.push(payload.d);
        dispatchTo(socket, 'READY', {
          v: 10,
          user: botUser,
          guilds: [{ id: ids.guild, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: gatewayUrl(),
          shard: [0, 1],
          application: { id: ids.application, flags: 0 },
        });
        dispatchTo(socket, 'GUILD_CREATE', guildOf(ids, botUser));
      }
    });
  });

  return {
    identifies,
    dispatch(t, d) {
      for (const socket of sockets) dispatchTo(socket, t, d);
    },
    close() {
      for (const socket of sockets) socket.terminate();
      gateway.close();
    },
  };
}
