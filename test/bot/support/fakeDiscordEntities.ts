/**
 * The objects the fake Discord hands out — ids, users, members, messages and its one guild — in
 * the shapes the API and the gateway send them, for both its REST routes and its gateway.
 */

export type FakeUser = { id: string; username: string; global_name: string | null; discriminator: string; avatar: null; bot?: boolean };

/** One guild of the fake: its id, two text channels and a mentionable role. */
export type FakeGuild = { guild: string; channel: string; otherChannel: string; role: string };

/** The application and the first guild (the one every interaction is in unless a test picks another). */
export type FakeIds = FakeGuild & { application: string };

/** Permission bits (see discord.js PermissionFlagsBits): a member who may manage the server and one who may not. */
export const ADMIN_PERMISSIONS = (1n << 3n) | (1n << 5n) | (1n << 11n) | (1n << 10n);
export const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 6n);

let nextSnowflake = 1_200_000_000_000_000_000n;
/** A new id, above every one given out before (in this process, across fakes). */
export const snowflake = () => String(nextSnowflake++);

/** The shard Discord routes a guild's events to: `(guild_id >> 22) % shardCount`. */
export const shardOf = (guildId: string, shardCount: number) => Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

/** A new id, above every one given out before, that Discord would route to `shard` of `shardCount`. */
export const snowflakeOnShard = (shard: number, shardCount: number): string => {
  let timestamp = (nextSnowflake >> 22n) + 1n;
  while (Number(timestamp % BigInt(shardCount)) !== shard) timestamp++;
  nextSnowflake = (timestamp << 22n) + 1n;
  return String(timestamp << 22n);
};

/** A guild with new ids, routed to `shard` of `shardCount`. */
export const newGuild = (shard = 0, shardCount = 1): FakeGuild => ({
  guild: shardCount > 1 ? snowflakeOnShard(shard, shardCount) : snowflake(),
  channel: snowflake(),
  otherChannel: snowflake(),
  role: snowflake(),
});

/** A message as the API returns it, from `author` in `channelId` unless `fields` say otherwise. */
export const messageOf = (author: FakeUser, channelId: string, fields: Record<string, unknown>) => ({
  id: snowflake(),
  channel_id: channelId,
  author,
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

export const memberOf = (user: FakeUser, permissions: bigint) => ({
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

/** The guild as GUILD_CREATE sends it: two text channels, @everyone and a mentionable role. */
export const guildOf = (ids: FakeGuild, botUser: FakeUser) => ({
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
    {
      id: ids.guild,
      name: '@everyone',
      color: 0,
      hoist: false,
      position: 0,
      permissions: String(MEMBER_PERMISSIONS),
      managed: false,
      mentionable: false,
      flags: 0,
    },
    {
      id: ids.role,
      name: 'subscribers',
      color: 0,
      hoist: false,
      position: 1,
      permissions: String(MEMBER_PERMISSIONS),
      managed: false,
      mentionable: true,
      flags: 0,
    },
  ],
  emojis: [],
  stickers: [],
  channels: [
    {
      id: ids.channel,
      type: 0,
      name: 'news',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    },
    {
      id: ids.otherChannel,
      type: 0,
      name: 'questions',
      position: 1,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    },
  ],
  threads: [],
  members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
  presences: [],
  voice_states: [],
  stage_instances: [],
  guild_scheduled_events: [],
});
