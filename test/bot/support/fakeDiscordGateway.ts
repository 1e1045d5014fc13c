import { EventEmitter, once } from 'node:events';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildOf, shardOf, type FakeGuild, type FakeUser } from './fakeDiscordEntities.js';

/**
 * The gateway half of the fake Discord, on the REST server's port: JSON and uncompressed, HELLO,
 * IDENTIFY → READY + GUILD_CREATE, heartbeat ACK, and dispatches. Like Discord, it serves shards:
 * a connection that identifies as shard [id, count] is sent the guilds `(guild_id >> 22) % count`
 * routes to it, and only their events; events of no guild go to shard 0. A connection that names
 * no shard is shard [0, 1], which gets everything.
 */

/** An IDENTIFY's payload: the intents asked for, and the shard when the client names one. */
export type FakeIdentify = { intents: number; shard?: [number, number] };

export type FakeGateway = {
  /** The IDENTIFY payloads received, in order. */
  identifies: FakeIdentify[];
  /** Resolves with the first IDENTIFY matching `predicate`, as soon as it has arrived. */
  waitForIdentify(predicate: (identify: FakeIdentify) => boolean, timeoutMs?: number): Promise<FakeIdentify>;
  /** Sends the event `t` with data `d` to the shards Discord would send it to; returns their ids. */
  dispatch(t: string, d: unknown): number[];
  close(): void;
};

export function attachFakeGateway(server: Server, guilds: readonly FakeGuild[], botUser: FakeUser, gatewayUrl: () => string): FakeGateway {
  const identifies: FakeIdentify[] = [];
  const identified = new EventEmitter();
  /** Each identified connection's shard, as [id, count]. */
  const sockets = new Map<WebSocket, [number, number]>();
  let sequence = 0;

  const dispatchTo = (socket: WebSocket, t: string, d: unknown) => socket.send(JSON.stringify({ op: 0, t, s: ++sequence, d }));
  const onShard = (guildId: string | undefined, [id, count]: [number, number]) =>
    (guildId === undefined ? 0 : shardOf(guildId, count)) === id;

  const gateway = new WebSocketServer({ server });
  gateway.on('connection', (socket) => {
    socket.on('close', () => sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString());
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        const shard: [number, number] = payload.d.shard ?? [0, 1];
        const own = guilds.filter((g) => onShard(g.guild, shard));
        sockets.set(socket, shard);
        identifies.push(payload.d);
        dispatchTo(socket, 'READY', {
          v: 10,
          user: botUser,
          guilds: own.map((g) => ({ id: g.guild, unavailable: true })),
          session_id: `fake-session-${shard[0]}`,
          resume_gateway_url: gatewayUrl(),
          shard,
          application: { id: botUser.id, flags: 0 },
        });
        for (const guild of own) dispatchTo(socket, 'GUILD_CREATE', guildOf(guild, botUser));
        identified.emit('identify', payload.d);
      }
    });
  });

  const waitForIdentify = (predicate: (identify: FakeIdentify) => boolean, timeoutMs = 30_000): Promise<FakeIdentify> => {
    const found = identifies.find(predicate);
    if (found) return Promise.resolve(found);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    return (async () => {
      try {
        for (;;) {
          const [identify] = (await once(identified, 'identify', { signal: controller.signal })) as [FakeIdentify];
          if (predicate(identify)) return identify;
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        throw new Error(`no matching IDENTIFY within ${timeoutMs} ms; got ${JSON.stringify(identifies.map((i) => i.shard ?? null))}`);
      } finally {
        clearTimeout(timer);
      }
    })();
  };

  return {
    identifies,
    waitForIdentify,
    dispatch(t, d) {
      const guildId = (d as { guild_id?: string } | null)?.guild_id;
      const reached: number[] = [];
      for (const [socket, shard] of sockets) {
        if (!onShard(guildId, shard)) continue;
        dispatchTo(socket, t, d);
        reached.push(shard[0]);
      }
      return reached;
    },
    close() {
      for (const socket of gateway.clients) socket.terminate();
      gateway.close();
    },
  };
}
