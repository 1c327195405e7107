// What the chat commands say (STYLE §8): one sentence per code in each language, `{name}` filled from
// the params. A missing sentence in a language is a type error.
import type { Locale } from '../../shared/i18n.ts';

const zhCN = {
  welcome: '绑定成功：{member}（{workspace}）。以后直接把命令发给我：',
  helpTitle: '可用命令：',
  helpLine: '{example} —— {describe}',
  unknown: '没有「#{name}」这个命令。发送 #帮助 查看可用命令。',
  date: '{month}月{day}日',
  today: '今天（{date}）',
  days: '近 {days} 天（{from}–{to}）',
  statsUsage: '用法：#统计、#统计 今天 或 #统计 7天',
  newFriends: '新好友：{count}',
  flowsTitle: '流程（开始 / 目标）：',
  flowLine: '· {flow}：{started} / {goals}',
  noFlows: '没有流程开始或达成目标。',
  noRooms: '没有群名包含「{topic}」的群。',
  noGroups: '还没有群。',
  roomsFound: '找到 {total} 个群：',
  roomsShown: '只列出前 {shown} 个，发送更完整的群名查看一个群。',
  roomLine: '· {topic}：{members} 人，今天 +{joined} / -{left}',
  roomTitle: '群「{topic}」',
  roomMembers: '成员 {members} 人，今天加入 {joined}、退出 {left}，潜水 {lurkers}',
  topTitle: '近 {days} 天最活跃：',
  topLine: '{rank}. {name} {messages} 条',
  noTop: '近 {days} 天没有人发言。',
  lurkersTitle: '潜水（近 {days} 天发言不超过 {max} 条）：',
  lurkerLine: '· {topic}：{lurkers} / {members} 人',
  untitled: '（无群名）',
} as const;

export type ChatWord = keyof typeof zhCN;

const en: Record<ChatWord, string> = {
  welcome: 'Bound: {member} ({workspace}). Send me commands from now on:',
  helpTitle: 'Commands:',
  helpLine: '{example} — {describe}',
  unknown: 'There is no command "#{name}". Send #help for the list.',
  date: '{month}/{day}',
  today: 'Today ({date})',
  days: 'Last {days} days ({from}–{to})',
  statsUsage: 'Usage: #stats, #stats today or #stats 7d',
  newFriends: 'New friends: {count}',
  flowsTitle: 'Flows (started / goals):',
  flowLine: '· {flow}: {started} / {goals}',
  noFlows: 'No flow started or reached a goal.',
  noRooms: 'No group’s name contains "{topic}".',
  noGroups: 'There are no groups yet.',
  roomsFound: '{total} groups found:',
  roomsShown: 'Only the first {shown} are listed: send more of the name to see one group.',
  roomLine: '· {topic}: {members} members, today +{joined} / -{left}',
  roomTitle: 'Group "{topic}"',
  roomMembers: '{members} members, today {joined} joined and {left} left, {lurkers} lurkers',
  topTitle: 'Most active in the last {days} days:',
  topLine: '{rank}. {name} {messages} messages',
  noTop: 'Nobody spoke in the last {days} days.',
  lurkersTitle: 'Lurkers (at most {max} messages in the last {days} days):',
  lurkerLine: '· {topic}: {lurkers} / {members} members',
  untitled: '(no name)',
};

export const CHAT_WORDS: Record<Locale, Record<ChatWord, string>> = { 'zh-CN': zhCN, en };

/** The sentence `word` in `locale`, its `{name}` placeholders filled from `params`. */
export function say(locale: Locale, word: ChatWord, params: Record<string, string | number> = {}): string {
  return CHAT_WORDS[locale][word].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** A local day (YYYY-MM-DD) as people write it: 5月3日, 5/3. */
export function sayDate(locale: Locale, day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return say(locale, 'date', { month: month!, day: date! });
}
