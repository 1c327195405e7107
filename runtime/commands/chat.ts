// Chat commands for workspace members (STYLE §7: a command is a table entry): a member who bound
// their WeChat (chat-binding.ts) sends the bot `#统计`, `#群 读书会`… in private and gets the live
// numbers back, phrased in the workspace's language. Everyone else's messages go to the flows.
import type { Locale, Localized } from '../../shared/i18n.ts';
import { localDay, localTime, zonedEpoch } from '../../shared/time/zoned.ts';
import type { Db } from '../db/client.ts';
import { messageRow, queueOutbox } from '../outbox/writer.ts';
import type { ContactRow } from '../router/contacts.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { BINDING_CODE, bindByCode, boundMember } from './chat-binding.ts';
import { type ChatData, chatData, type RoomFacts } from './chat-data.ts';
import { type ChatWord, say, sayDate } from './chat-words.ts';

export interface ChatContext {
  locale: Locale;
  timeZone: string;
  /** Now on the bot account's clock (a sandbox account's own). */
  now: Date;
  /** The workspace's activity grades: a lurker has at most `lurker` messages in `days` days. */
  grades: { days: number; active: number; lurker: number };
  data: ChatData;
  /** The table the command came from (#帮助 lists it). */
  commands: readonly ChatCommand[];
}

export interface ChatCommand {
  /** What follows `#`, in any case; the Chinese name first. */
  names: readonly string[];
  describe: Localized;
  /** A way to call it, shown by #帮助 and on the profile page. */
  example: Localized;
  run(ctx: ChatContext, args: string): Promise<string>;
}

/** Workspaces have no language setting yet: commands answer in zh-CN, the product's default. */
const WORKSPACE_LOCALE: Locale = 'zh-CN';
const LISTED = 10;
const TOP = 5;

/** The first instant of the local day `back` days before today's, and that day (YYYY-MM-DD). */
export function dayStart(now: Date, timeZone: string, back = 0): { at: Date; day: string } {
  const t = localTime(now.getTime(), timeZone);
  const at = zonedEpoch({ year: t.year, month: t.month, day: t.day - back }, 0, timeZone);
  return { at: new Date(at), day: localDay(at, timeZone) };
}

/** `#统计` takes 今天 (the default) or a number of days: 7天, 7d, 30. */
export function statsDays(args: string): number | null {
  const arg = args.replace(/\s+/g, '').toLowerCase();
  if (['', '今天', '今日', 'today'].includes(arg)) return 1;
  const days = /^(?:近|最近|last)?(\d{1,2})(?:天|日|d|days?)?$/.exec(arg);
  const n = days ? Number(days[1]) : 0;
  return n >= 1 && n <= 90 ? n : null;
}

const topicOf = (ctx: ChatContext, room: RoomFacts) => room.topic || say(ctx.locale, 'untitled');

/** Groups whose topic contains `topic`, with today's joins and leaves and the lurkers by the grades. */
function findRooms(ctx: ChatContext, topic: string) {
  return ctx.data.rooms({
    topic,
    today: dayStart(ctx.now, ctx.timeZone).at,
    sinceDay: dayStart(ctx.now, ctx.timeZone, ctx.grades.days - 1).day,
    lurkerMax: ctx.grades.lurker,
    limit: LISTED,
  });
}

/** The lines of a list of groups, each said by `word`, and a note when there are more than listed. */
function roomLines(ctx: ChatContext, found: { rooms: RoomFacts[]; total: number }, word: ChatWord) {
  const lines = found.rooms.map((room) =>
    say(ctx.locale, word, {
      topic: topicOf(ctx, room),
      members: room.members,
      joined: room.joinedToday,
      left: room.leftToday,
      lurkers: room.lurkers,
    }),
  );
  if (found.total > found.rooms.length)
    lines.push(say(ctx.locale, 'roomsShown', { shown: found.rooms.length }));
  return lines;
}

const noRooms = (ctx: ChatContext, topic: string) =>
  say(ctx.locale, topic ? 'noRooms' : 'noGroups', { topic });

const help: ChatCommand = {
  names: ['帮助', 'help'],
  describe: { 'zh-CN': '列出可用命令', en: 'Lists the commands' },
  example: { 'zh-CN': '#帮助', en: '#help' },
  run: async (ctx) => helpText(ctx.locale, ctx.commands),
};

const stats: ChatCommand = {
  names: ['统计', 'stats'],
  describe: {
    'zh-CN': '新好友，各流程开始的人数和达成的目标（今天或近几天）',
    en: 'New friends, and runs started and goals reached per flow (today or the last days)',
  },
  example: { 'zh-CN': '#统计 7天', en: '#stats 7d' },
  async run(ctx, args) {
    const days = statsDays(args);
    if (days === null) return say(ctx.locale, 'statsUsage');
    const from = dayStart(ctx.now, ctx.timeZone, days - 1);
    const today = localDay(ctx.now.getTime(), ctx.timeZone);
    const friends = await ctx.data.newFriends(from.at);
    const flows = await ctx.data.flows(from.at, LISTED);
    const { locale } = ctx;
    return [
      days === 1
        ? say(locale, 'today', { date: sayDate(locale, today) })
        : say(locale, 'days', { days, from: sayDate(locale, from.day), to: sayDate(locale, today) }),
      say(locale, 'newFriends', { count: friends }),
      ...(flows.length === 0
        ? [say(locale, 'noFlows')]
        : [say(locale, 'flowsTitle'), ...flows.map((f) => say(locale, 'flowLine', { ...f }))]),
    ].join('\n');
  },
};

const group: ChatCommand = {
  names: ['群', 'group'],
  describe: {
    'zh-CN': '按群名查群：成员数、今天的进出、潜水人数、最活跃的 5 人',
    en: 'A group by its name: members, today’s joins and leaves, lurkers, the 5 most active',
  },
  example: { 'zh-CN': '#群 读书会', en: '#group Book club' },
  async run(ctx, topic) {
    const found = await findRooms(ctx, topic);
    const [first] = found.rooms;
    if (!first) return noRooms(ctx, topic);
    const exact = first.topic.toLowerCase() === topic.toLowerCase();
    if (found.total > 1 && !exact)
      return [
        say(ctx.locale, 'roomsFound', { total: found.total }),
        ...roomLines(ctx, found, 'roomLine'),
      ].join('\n');
    const days = ctx.grades.days;
    const top = await ctx.data.topMembers(first.id, dayStart(ctx.now, ctx.timeZone, days - 1).day, TOP);
    return [
      say(ctx.locale, 'roomTitle', { topic: topicOf(ctx, first) }),
      ...roomLines(ctx, { rooms: [first], total: 1 }, 'roomMembers'),
      say(ctx.locale, top.length ? 'topTitle' : 'noTop', { days }),
      ...top.map((m, i) => say(ctx.locale, 'topLine', { rank: i + 1, name: m.name, messages: m.messages })),
    ].join('\n');
  },
};

const lurkers: ChatCommand = {
  names: ['潜水', 'lurkers'],
  describe: {
    'zh-CN': '按群名查潜水人数（按设置里的活跃度分级）',
    en: 'Lurkers of the groups by name (by the activity grades in Settings)',
  },
  example: { 'zh-CN': '#潜水 读书会', en: '#lurkers Book club' },
  async run(ctx, topic) {
    const found = await findRooms(ctx, topic);
    if (found.total === 0) return noRooms(ctx, topic);
    const title = say(ctx.locale, 'lurkersTitle', { days: ctx.grades.days, max: ctx.grades.lurker });
    return [title, ...roomLines(ctx, found, 'lurkerLine')].join('\n');
  },
};

/** Every chat command: one entry each. */
export const CHAT_COMMANDS: readonly ChatCommand[] = [help, stats, group, lurkers];

export function helpText(locale: Locale, commands: readonly ChatCommand[]): string {
  const lines = commands.map((c) =>
    say(locale, 'helpLine', { example: c.example[locale], describe: c.describe[locale] }),
  );
  return [say(locale, 'helpTitle'), ...lines].join('\n');
}

/** The command a `#…` text names (the longest name that fits) and what follows it; null for none. */
export function parseCommand(text: string, commands: readonly ChatCommand[]) {
  const rest = text.trim().replace(/^[#＃]\s*/, '');
  const lower = rest.toLowerCase();
  const names = commands
    .flatMap((command) => command.names.map((name) => ({ command, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { command, name } of names) {
    if (!lower.startsWith(name.toLowerCase())) continue;
    const args = rest.slice(name.length);
    // `#groups` is not `#group s`; a Chinese name needs no space (`#群读书会`).
    if (/\w$/.test(name) && /^\w/.test(args)) continue;
    return { command, args: args.trim() };
  }
  return null;
}

/** The answer to a `#…` text from a bound member. */
export async function answerCommand(ctx: ChatContext, text: string): Promise<string> {
  const parsed = parseCommand(text, ctx.commands);
  if (parsed) return parsed.command.run(ctx, parsed.args);
  const name = text
    .trim()
    .replace(/^[#＃]\s*/, '')
    .split(/\s/)[0]!
    .slice(0, 20);
  return say(ctx.locale, 'unknown', { name });
}

const IS_COMMAND = /^\s*[#＃]/;

/**
 * What the bot answers a private message with when it is a chat command of a bound member, or a
 * pending binding code of the workspace (then the sender is bound, and welcomed); null when it is
 * neither and the message goes on to the flows.
 */
export async function chatCommand(
  tx: Db,
  account: { id: string; workspaceId: string; timeZone: string },
  contact: ContactRow,
  text: string,
  now: Date,
  commands: readonly ChatCommand[] = CHAT_COMMANDS,
): Promise<string | null> {
  const said = text.trim();
  if (BINDING_CODE.test(said)) {
    const bound = await bindByCode(tx, account.workspaceId, contact.id, said, now);
    return (
      bound && `${say(WORKSPACE_LOCALE, 'welcome', { ...bound })}\n${helpText(WORKSPACE_LOCALE, commands)}`
    );
  }
  if (!IS_COMMAND.test(said) || !(await boundMember(tx, account.workspaceId, contact.id))) return null;
  const settings = await workspaceSettings(tx, account.workspaceId);
  if (!settings) return null;
  const ctx: ChatContext = {
    locale: WORKSPACE_LOCALE,
    timeZone: account.timeZone,
    now,
    grades: settings.activityGrades,
    data: chatData(tx, account.workspaceId),
    commands,
  };
  return answerCommand(ctx, said);
}

/**
 * The router's call for a private message: a chat command's answer goes out through the outbox as
 * a bot message (keyed by the message it answers). Answers the rows queued, or null when the
 * message is not a command and goes on to the flows.
 */
export async function replyToChatCommand(
  tx: Db,
  account: { id: string; workspaceId: string; timeZone: string },
  contact: ContactRow,
  messageId: string,
  text: string,
  now: Date,
): Promise<number | null> {
  const answer = await chatCommand(tx, account, contact, text, now);
  if (answer === null) return null;
  const settings = await workspaceSettings(tx, account.workspaceId);
  return queueOutbox(tx, [
    messageRow({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      contactId: contact.id,
      text: answer,
      author: 'bot',
      signature: settings?.botSignature ?? null,
      keyParts: { source: 'command', accountId: account.id, eventId: messageId },
      notBefore: now,
    }),
  ]);
}
