import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  ADMIN_PERMISSIONS,
  MEMBER_PERMISSIONS,
  memberOf,
  messageOf,
  newGuild,
  snowflake,
  type FakeGuild,
  type FakeUser,
} from './fakeDiscordEntities.js';
import { attachFakeGateway } from './fakeDiscordGateway.js';
import { createFakeRest, type FakeGatewayAdvice, type Json, type RecordedRequest } from './fakeDiscordRest.js';

/**
 * A Discord stand-in on 127.0.0.1 for the real discord.js client: the REST routes newsdesk uses
 * (fakeDiscordRest) and a gateway (fakeDiscordGateway) on one port, plus the user side — running
 * a slash command, clicking a button, sending a message — as the gateway dispatches Discord would send.
 */

export { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type FakeGuild, type FakeUser } from './fakeDiscordEntities.js';
export type { FakeIdentify } from './fakeDiscordGateway.js';
export type { RecordedRequest } from './fakeDiscordRest.js';

/** An interaction the fake dispatched: its id and token, and the shards it was delivered to. */
export type InteractionRef = { id: string; token: string; shards: number[] };
/** Who acts, and where: the first guild and its first channel unless given. */
export type UserOptions = { user?: FakeUser; permissions?: bigint; locale?: string; guild?: FakeGuild; channelId?: string };

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

/**
 * `shards` is what `/gateway/bot` recommends (one guild per shard is created, the first routed to
 * shard 0); `maxConcurrency` how many shards may identify at once (1, as for most bots).
 */
export async function startFakeDiscord({ shards = 1, maxConcurrency = 1 }: Partial<FakeGatewayAdvice> = {}) {
  const guilds = Array.from({ length: shards }, (_, shard) => newGuild(shard, shards));
  const ids = { application: snowflake(), ...guilds[0]! };
  const botUser: FakeUser = { id: ids.application, username: 'newsdesk', global_name: null, discriminator: '0', avatar: null, bot: true };
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}`;
  const rest = createFakeRest(ids, botUser, gatewayUrl, { shards, maxConcurrency });
  const gateway = attachFakeGateway(rest.server, guilds, botUser, gatewayUrl);
  let userCount = 0;

  const newUser = (name = `reader${++userCount}`): FakeUser => ({
    id: snowflake(),
    username: name,
    global_name: name,
    discriminator: '0',
    avatar: null,
  });

  const interaction = (type: number, data: unknown, options: UserOptions, extra: Record<string, unknown> = {}): InteractionRef => {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    const guild = options.guild ?? guilds[0]!;
    const channelId = options.channelId ?? guild.channel;
    const shards = gateway.dispatch('INTERACTION_CREATE', {
      id,
      application_id: ids.application,
      type,
      data,
      guild_id: guild.guild,
      guild: { id: guild.guild, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: {
        id: channelId,
        type: 0,
        guild_id: guild.guild,
        name: 'news',
        position: 0,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
      },
      member: memberOf(options.user ?? newUser(), options.permissions ?? MEMBER_PERMISSIONS),
      token,
      version: 1,
      app_permissions: String(ADMIN_PERMISSIONS),
      locale: options.locale ?? 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild.guild },
      context: 0,
      attachment_size_limit: 8_388_608,
      ...extra,
    });
    return { id, token, shards };
  };

  /** Option values as Discord sends them: strings are type 3, booleans type 5. */
  const toOptions = (values: Record<string, string | boolean>, focused?: string) =>
    Object.entries(values).map(([name, value]) => ({
      name,
      type: typeof value === 'boolean' ? 5 : 3,
      value,
      ...(name === focused ? { focused: true } : {}),
    }));

  await new Promise<void>((resolve) => rest.server.listen(0, '127.0.0.1', resolve));
  port = (rest.server.address() as AddressInfo).port;

  return {
    ids,
    /** Every guild, one per recommended shard: `guilds[n]` is routed to shard n. */
    guilds,
    botUser,
    apiBase: `http://127.0.0.1:${port}/api`,
    requests: rest.requests,
    unmatched: rest.unmatched,
    identifies: gateway.identifies,
    waitForIdentify: gateway.waitForIdentify,
    newUser,
    dispatch: gateway.dispatch,
    waitForRequest: rest.waitForRequest,

    /** The interaction's requests, in order (callback, then webhook edits and follow-ups). */
    requestsFor(ref: InteractionRef): RecordedRequest[] {
      return rest.requests.filter((r) => r.path.includes(`/${ref.token}`));
    },

    /** The message Discord holds as the interaction's original response. */
    original(ref: InteractionRef): Json {
      return rest.originals.get(ref.token);
    },

    runSlashCommand(name: string, values: Record<string, string | boolean> = {}, options: UserOptions = {}): InteractionRef {
      return interaction(2, { id: snowflake(), name, type: 1, options: toOptions(values) }, options);
    },

    autocomplete(name: string, values: Record<string, string>, focused: string, options: UserOptions = {}): InteractionRef {
      return interaction(4, { id: snowflake(), name, type: 1, options: toOptions(values, focused) }, options);
    },

    clickButton(onMessage: Json, customId: string, options: UserOptions = {}): InteractionRef {
      return interaction(3, { custom_id: customId, component_type: 2 }, options, {
        message: { ...onMessage, channel_id: onMessage.channel_id ?? ids.channel },
      });
    },

    /** A user's message as the gateway delivers it; `mentions` are the users it pings. */
    sendMessage(
      content: string,
      options: { author?: FakeUser; channelId?: string; mentions?: FakeUser[]; mentionRoles?: string[]; mentionEveryone?: boolean } = {},
    ) {
      const sent = messageOf(options.author ?? newUser(), options.channelId ?? ids.channel, {
        guild_id: ids.guild,
        member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        content,
        mentions: options.mentions ?? [],
        mention_roles: options.mentionRoles ?? [],
        mention_everyone: options.mentionEveryone ?? false,
      });
      gateway.dispatch('MESSAGE_CREATE', sent);
      return sent;
    },

    async close(): Promise<void> {
      gateway.close();
      rest.server.closeAllConnections();
      rest.server.close();
      await once(rest.server, 'close').catch(() => undefined);
    },
  };
}
