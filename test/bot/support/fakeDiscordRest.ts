import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { findLimitViolations } from './discordLimits.js';
import { messageOf, snowflake, type FakeIds, type FakeUser } from './fakeDiscordEntities.js';

/**
 * The REST half of the fake Discord: the routes newsdesk uses, answered as Discord would, with
 * every request recorded. Like Discord, it refuses messages over the limits; a route it does not
 * have answers 404 and is recorded apart, so a suite can check that none was called.
 */

/** JSON as the bot sent it or Discord keeps it: the tests read into it and assert its shape field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a static type would restate what the assertions check
export type Json = any;

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; authorization: string | null; body: Json };

export type FakeRest = {
  server: Server;
  /** Requests to routes Discord has, in the order they arrived. */
  requests: RecordedRequest[];
  /** Requests to routes Discord does not have. */
  unmatched: RecordedRequest[];
  /** Messages the bot posted or edited as an interaction's response, by interaction token (for `@original`). */
  originals: Map<string, Json>;
  /** Resolves with the first request matching `predicate`, as soon as it has arrived. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
};

const send = (res: ServerResponse, status: number, body?: unknown) => {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** What `/gateway/bot` recommends: how many shards, and how many of them may identify at once. */
export type FakeGatewayAdvice = { shards: number; maxConcurrency: number };

/** An HTTP server (not yet listening) serving the REST routes; `gatewayUrl` is where `/gateway/bot` points. */
export function createFakeRest(ids: FakeIds, botUser: FakeUser, gatewayUrl: () => string, advice: FakeGatewayAdvice): FakeRest {
  const requests: RecordedRequest[] = [];
  const unmatched: RecordedRequest[] = [];
  const listeners = new Set<() => void>();
  const originals = new Map<string, Json>();

  /** What Discord keeps of a message the bot sent: its body as the API returns it. */
  const storeBotMessage = (body: Json, fields: Record<string, unknown>) =>
    messageOf(botUser, ids.channel, {
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      flags: body.flags ?? 0,
      ...fields,
    });

  const route = (req: RecordedRequest): { status: number; body?: unknown } => {
    const p = req.path.replace(/^\/api\/v10/, '').replace('%40original', '@original');
    const isMessage =
      req.method !== 'GET' && (/^\/interactions\//.test(p) || /^\/webhooks\//.test(p) || /^\/channels\/\d+\/messages$/.test(p));
    if (isMessage) {
      const violations = findLimitViolations(req.body?.data ?? req.body);
      if (violations.length) return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: violations } };
    }
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && p === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: gatewayUrl(),
          shards: advice.shards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: advice.maxConcurrency },
        },
      };
    }
    if (req.method === 'POST' && (m = p.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const token = m[2]!;
      // Types 4 (reply) and 7 (update) create or change the message; 5 (defer) creates a placeholder.
      if (req.body.type === 4 || req.body.type === 5 || req.body.type === 7)
        originals.set(token, storeBotMessage(req.body.data ?? {}, { interaction_token: token }));
      return { status: 204 };
    }
    if ((m = p.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const token = m[2]!;
      if (req.method === 'GET')
        return originals.has(token)
          ? { status: 200, body: originals.get(token) }
          : { status: 404, body: { code: 10008, message: 'Unknown Message' } };
      if (req.method === 'PATCH') {
        const previous = originals.get(token) ?? storeBotMessage({}, {});
        const edited = {
          ...previous,
          ...Object.fromEntries(['content', 'embeds', 'components'].filter((k) => k in req.body).map((k) => [k, req.body[k]])),
          edited_timestamp: new Date().toISOString(),
        };
        originals.set(token, edited);
        return { status: 200, body: edited };
      }
    }
    if (req.method === 'POST' && (m = p.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) return { status: 200, body: storeBotMessage(req.body, {}) };
    if (req.method === 'POST' && (m = p.match(/^\/channels\/(\d+)\/typing$/))) return { status: 204 };
    if (req.method === 'POST' && (m = p.match(/^\/channels\/(\d+)\/messages$/))) {
      return {
        status: 200,
        body: storeBotMessage(req.body, {
          channel_id: m[1],
          guild_id: ids.guild,
          ...(req.body.message_reference ? { message_reference: req.body.message_reference, type: 19 } : {}),
        }),
      };
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
          thread_metadata: {
            archived: false,
            auto_archive_duration: req.body.auto_archive_duration ?? 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
        },
      };
    }
    if (req.method === 'PUT' && (m = p.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      return {
        status: 200,
        body: (req.body as Json[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: m![1],
          ...(m![2] ? { guild_id: m![2] } : {}),
          version: snowflake(),
        })),
      };
    }
    return { status: 404, body: { code: 0, message: '404: Not Found' } };
  };

  const server = createServer(async (incoming: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const text = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: incoming.headers.authorization ?? null,
      body: text ? JSON.parse(text) : undefined,
    };
    const { status, body } = route(recorded);
    (status === 404 ? unmatched : requests).push(recorded);
    send(res, status, body);
    for (const listener of listeners) listener();
  });

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
        reject(
          new Error(
            `no matching request within ${timeoutMs} ms; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}; unmatched ${unmatched.map((r) => `${r.method} ${r.path}`).join(', ')}`,
          ),
        );
      }, timeoutMs);
      if (!check()) listeners.add(check);
    });

  return { server, requests, unmatched, originals, waitForRequest };
}
