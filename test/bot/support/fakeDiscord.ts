import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { findLimitViolations } from './discordLimits.js';

/**
 * A Discord stand-in on 127.0.0.1 for the real discord.js client: the REST routes newsdesk uses
 * and a JSON, uncompressed gateway (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACK), plus
 * the user side — running a slash command, clicking a button, sending a message — as the
 * gateway dispatches Discord would send. Like Discord, it refuses messages over the limits.
 */

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; authorization: string | null; body: any; at: number };
export type FakeUser = { id: string; username: string; global_name: string | null; discriminator: string; avatar: null; bot?: boolean };
export type InteractionRef = { id: string; token: string; sentAt: number };
export type UserOptions = { user?: FakeUser; permissions?: bigint; locale?: string; channelId?: string };

/** Permission bits (see discord.js PermissionFlagsBits): a member who may manage the server and one who may not. */
export const ADMIN_PERMISSIONS = (1n << 3n) | (1n << 5n) | (1n << 11n) | (1n << 10n);
export const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 6n);

let nextSnowflake = 1_200_000_000_000_000_000n;
const snowflake = () => String(nextSnowflake++);

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

export async function startFakeDiscord() {
  const ids = { application: snowflake(), guild: snowflake(), channel: snowflake(), otherChannel: snowflake(), role: snowflake() };
  const botUser: FakeUser = { id: ids.application, username: 'newsdesk', global_name: null, discriminator: '0', avatar: null, bot: true };
  const requests: RecordedRequest[] = [];
  const unmatched: RecordedRequest[] = [];
  const identifies: any[] = [];
  const sockets = new Set<WebSocket>();
  const listeners = new Set<() => void>();
  /** Messages the bot posted or edited, by interaction token (for `@original`) and by id. */
  const originals = new Map<string, any>();
  let sequence = 0;
  let userCount = 0;

  const newUser = (name = `reader${++userCount}`): FakeUser => ({ id: snowflake(), username: name, global_name: name, discriminator: '0', avatar: null });

  const message = (fields: Record<string, any>) => ({
    id: snowflake(),
    channel_id: ids.channel,
    author: botUser,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
    ...fields,
  });

  /** What Discord keeps of a message the bot sent: its body as the API returns it. */
  const storeBotMessage = (body: any, fields: Record<string, any>) =>
    message({ content: body.content ?? '', embeds: body.embeds ?? [], components: body.components ?? [], flags: body.flags ?? 0, ...fields });

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const route = (req: RecordedRequest): { status: number; body?: unknown } => {
    const p = req.path.replace(/^\/api\/v10/, '').replace('%40original', '@original');
    const isMessage = req.method !== 'GET' && (/^\/interactions\//.test(p) || /^\/webhooks\//.test(p) || /^\/channels\/\d+\/messages$/.test(p));
    if (isMessage) {
      const violations = findLimitViolations(req.body?.data ?? req.body);
      if (violations.length) return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: violations } };
    }
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && p === '/gateway/bot') {
      return {
        status: 200,
        body: { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 } },
      };
    }
    if (req.method === 'POST' && (m = p.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const token = m[2]!;
      // Types 4 (reply) and 7 (update) create or change the message; 5 (defer) creates a placeholder.
      if (req.body.type === 4 || req.body.type === 5 || req.body.type === 7) originals.set(token, storeBotMessage(req.body.data ?? {}, { interaction_token: token }));
      return { status: 204 };
    }
    if ((m = p.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const token = m[2]!;
      if (req.method === 'GET') return originals.has(token) ? { status: 200, body: originals.get(token) } : { status: 404, body: { code: 10008, message: 'Unknown Message' } };
      if (req.method === 'PATCH') {
        const previous = originals.get(token) ?? storeBotMessage({}, {});
        const edited = { ...previous, ...Object.fromEntries(['content', 'embeds', 'components'].filter((k) => k in req.body).map((k) => [k, req.body[k]])), edited_timestamp: new Date().toISOString() };
        originals.set(token, edited);
        return { status: 200, body: edited };
      }
    }
    if (req.method === 'POST' && (m = p.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) return { status: 200, body: storeBotMessage(req.body, {}) };
    if (req.method === 'POST' && (m = p.match(/^\/channels\/(\d+)\/typing$/))) return { status: 204 };
    if (req.method === 'POST' && (m = p.match(/^\/channels\/(\d+)\/messages$/))) {
      return { status: 200, body: storeBotMessage(req.body, { channel_id: m[1], guild_id: ids.guild, ...(req.body.message_reference ? { message_reference: req.body.message_reference, type: 19 } : {}) }) };
    }
    if (req.method === 'POST' && (m = p.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      return {
        status: 201,
        body: {
          id: m[2],
          type: 11,
          guild_id: ids.guild,
          parent_id: m[1],
          name: req.body.name,
          owner_id: botUser.id,
          last_message_id: null,
          rate_limit_per_user: 0,
          message_count: 0,
          member_count: 1,
          flags: 0,
          thread_metadata: { archived: false, auto_archive_duration: req.body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
        },
      };
    }
    if (req.method === 'PUT' && (m = p.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      return { status: 200, body: (req.body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], ...(m![2] ? { guild_id: m![2] } : {}), version: snowflake() })) };
    }
    return { status: 404, body: { code: 0, message: '404: Not Found' } };
  };

  const server = createServer(async (incoming: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const text = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: incoming.headers.authorization ?? null, body: text ? JSON.parse(text) : undefined, at: performance.now() };
    const { status, body } = route(recorded);
    (status === 404 ? unmatched : requests).push(recorded);
    send(res, status, body);
    for (const listener of listeners) listener();
  });

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
          resume_gateway_url: `ws://127.0.0.1:${port}`,
          shard: [0, 1],
          application: { id: ids.application, flags: 0 },
        });
        dispatchTo(socket, 'GUILD_CREATE', guildPayload());
      }
    });
  });

  const guildPayload = () => ({
    id: ids.guild,
    name: 'Newsroom',
    icon: null,
    owner_id: snowflake(),
    joined_at: new Date().toISOString(),
    preferred_locale: 'en-US',
    member_count: 3,
    large: false,
    unavailable: false,
    features: [],
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_flags: 0,
    roles: [
      { id: ids.guild, name: '@everyone', color: 0, hoist: false, position: 0, permissions: String(MEMBER_PERMISSIONS), managed: false, mentionable: false, flags: 0 },
      { id: ids.role, name: 'subscribers', color: 0, hoist: false, position: 1, permissions: String(MEMBER_PERMISSIONS), managed: false, mentionable: true, flags: 0 },
    ],
    emojis: [],
    stickers: [],
    channels: [
      { id: ids.channel, type: 0, name: 'news', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 },
      { id: ids.otherChannel, type: 0, name: 'questions', position: 1, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 },
    ],
    threads: [],
    members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  });

  const dispatchTo = (socket: WebSocket, t: string, d: unknown) => socket.send(JSON.stringify({ op: 0, t, s: ++sequence, d }));
  const dispatch = (t: string, d: unknown) => {
    for (const socket of sockets) dispatchTo(socket, t, d);
  };

  const memberOf = (user: FakeUser, permissions: bigint) => ({
    user,
    roles: [],
    permissions: String(permissions),
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  });

  const interaction = (type: number, data: unknown, options: UserOptions, extra: Record<string, unknown> = {}): InteractionRef => {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    const channelId = options.channelId ?? ids.channel;
    dispatch('INTERACTION_CREATE', {
      id,
      application_id: ids.application,
      type,
      data,
      guild_id: ids.guild,
      guild: { id: ids.guild, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: ids.guild, name: 'news', position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
      member: memberOf(options.user ?? newUser(), options.permissions ?? MEMBER_PERMISSIONS),
      token,
      version: 1,
      app_permissions: String(ADMIN_PERMISSIONS),
      locale: options.locale ?? 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': ids.guild },
      context: 0,
      attachment_size_limit: 8_388_608,
      ...extra,
    });
    return { id, token, sentAt: performance.now() };
  };

  /** Option values as Discord sends them: strings are type 3, booleans type 5. */
  const toOptions = (values: Record<string, string | boolean>, focused?: string) =>
    Object.entries(values).map(([name, value]) => ({ name, type: typeof value === 'boolean' ? 5 : 3, value, ...(name === focused ? { focused: true } : {}) }));

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const waitForRequest = (predicate: (r: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = requests.find(predicate);
        if (!found) return false;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching request within ${timeoutMs} ms; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}; unmatched ${unmatched.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      if (!check()) listeners.add(check);
    });

  return {
    ids,
    botUser,
    apiBase: `http://127.0.0.1:${port}/api`,
    requests,
    unmatched,
    identifies,
    newUser,
    dispatch,
    waitForRequest,

    /** The interaction's requests, in order (callback, then webhook edits and follow-ups). */
    requestsFor(ref: InteractionRef): RecordedRequest[] {
      return requests.filter((r) => r.path.includes(`/${ref.token}`));
    },

    /** The message Discord holds as the interaction's original response. */
    original(ref: InteractionRef): any {
      return originals.get(ref.token);
    },

    runSlashCommand(name: string, values: Record<string, string | boolean> = {}, options: UserOptions = {}): InteractionRef {
      return interaction(2, { id: snowflake(), name, type: 1, options: toOptions(values) }, options);
    },

    autocomplete(name: string, values: Record<string, string>, focused: string, options: UserOptions = {}): InteractionRef {
      return interaction(4, { id: snowflake(), name, type: 1, options: toOptions(values, focused) }, options);
    },

    clickButton(onMessage: any, customId: string, options: UserOptions = {}): InteractionRef {
      return interaction(3, { custom_id: customId, component_type: 2 }, options, { message: { ...onMessage, channel_id: onMessage.channel_id ?? ids.channel } });
    },

    /** A user's message as the gateway delivers it; `mentions` are the users it pings. */
    sendMessage(content: string, options: { author?: FakeUser; channelId?: string; mentions?: FakeUser[]; mentionRoles?: string[]; mentionEveryone?: boolean } = {}) {
      const author = options.author ?? newUser();
      const sent = message({
        channel_id: options.channelId ?? ids.channel,
        guild_id: ids.guild,
        author,
        member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        content,
        mentions: options.mentions ?? [],
        mention_roles: options.mentionRoles ?? [],
        mention_everyone: options.mentionEveryone ?? false,
      });
      dispatch('MESSAGE_CREATE', sent);
      return { ...sent, sentAt: performance.now() };
    },

    async close(): Promise<void> {
      for (const socket of sockets) socket.terminate();
      gateway.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
