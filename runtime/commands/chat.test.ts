// Each chat command's text from fake live data, in both languages; parsing names and arguments;
// and a fake table entry working like a real one (STYLE §7).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n.ts';
import {
  answerCommand,
  CHAT_COMMANDS,
  type ChatCommand,
  type ChatContext,
  dayStart,
  parseCommand,
  statsDays,
} from './chat.ts';
import type { ChatData, RoomFacts, RoomQuery } from './chat-data.ts';
import { CHAT_WORDS } from './chat-words.ts';

// 2024-05-03 10:00 in Shanghai.
const NOW = new Date('2024-05-03T02:00:00Z');

const room = (topic: string, over: Partial<RoomFacts> = {}): RoomFacts => ({
  id: `room-${topic}`,
  topic,
  members: 120,
  joinedToday: 3,
  leftToday: 1,
  lurkers: 80,
  ...over,
});

function fakeData(rooms: RoomFacts[] = []) {
  const asked: { since?: Date; rooms?: RoomQuery; top?: [string, string] } = {};
  const data: ChatData = {
    async newFriends(since) {
      asked.since = since;
      return 4;
    },
    async flows() {
      return [
        { flow: '新人引导', started: 5, goals: 2 },
        { flow: 'Recall', started: 1, goals: 0 },
      ];
    },
    async rooms(query) {
      asked.rooms = query;
      const found = rooms.filter((r) => r.topic.toLowerCase().includes(query.topic.toLowerCase()));
      return { rooms: found.slice(0, query.limit), total: found.length };
    },
    async topMembers(roomId, sinceDay) {
      asked.top = [roomId, sinceDay];
      return [
        { name: '小美', messages: 42 },
        { name: '老王', messages: 7 },
      ];
    },
  };
  return { data, asked };
}

const context = (data: ChatData, over: Partial<ChatContext> = {}): ChatContext => ({
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  now: NOW,
  grades: { days: 30, active: 20, lurker: 0 },
  data,
  commands: CHAT_COMMANDS,
  ...over,
});

describe('chat commands', () => {
  it('#帮助 lists every command with an example, in both languages', async () => {
    const zh = await answerCommand(context(fakeData().data), '#帮助');
    expect(zh.split('\n')).toEqual([
      '可用命令：',
      '#帮助 —— 列出可用命令',
      '#统计 7天 —— 新好友，各流程开始的人数和达成的目标（今天或近几天）',
      '#群 读书会 —— 按群名查群：成员数、今天的进出、潜水人数、最活跃的 5 人',
      '#潜水 读书会 —— 按群名查潜水人数（按设置里的活跃度分级）',
    ]);
    const en = await answerCommand(context(fakeData().data, { locale: 'en' }), '#help');
    expect(en).toContain('#stats 7d — New friends, and runs started and goals reached per flow');
  });

  it('#统计 answers today’s new friends and runs and goals per flow, counted from local midnight', async () => {
    const { data, asked } = fakeData();
    expect(await answerCommand(context(data), '#统计')).toBe(
      ['今天（5月3日）', '新好友：4', '流程（开始 / 目标）：', '· 新人引导：5 / 2', '· Recall：1 / 0'].join(
        '\n',
      ),
    );
    expect(asked.since).toEqual(new Date('2024-05-02T16:00:00Z'));
    expect(await answerCommand(context(data), '#统计 7天')).toMatch(/^近 7 天（4月27日–5月3日）\n新好友：4/);
    expect(asked.since).toEqual(new Date('2024-04-26T16:00:00Z'));
    expect(await answerCommand(context(data, { locale: 'en' }), '#stats today')).toMatch(
      /^Today \(5\/3\)\nNew friends: 4\nFlows \(started \/ goals\):\n· 新人引导: 5 \/ 2/,
    );
    expect(await answerCommand(context(data), '#统计 昨天')).toBe('用法：#统计、#统计 今天 或 #统计 7天');
  });

  it('#统计 says so when no flow ran', async () => {
    const { data } = fakeData();
    data.flows = async () => [];
    expect(await answerCommand(context(data), '#统计')).toBe(
      '今天（5月3日）\n新好友：4\n没有流程开始或达成目标。',
    );
  });

  it('#群 shows one group: members, today’s joins and leaves, lurkers and the top members of the window', async () => {
    const { data, asked } = fakeData([room('读书会'), room('读书会二群', { members: 30 })]);
    expect(await answerCommand(context(data), '#群 读书会')).toBe(
      [
        '群「读书会」',
        '成员 120 人，今天加入 3、退出 1，潜水 80',
        '近 30 天最活跃：',
        '1. 小美 42 条',
        '2. 老王 7 条',
      ].join('\n'),
    );
    expect(asked.rooms).toMatchObject({
      topic: '读书会',
      today: new Date('2024-05-02T16:00:00Z'),
      sinceDay: '2024-04-04',
      lurkerMax: 0,
    });
    expect(asked.top).toEqual(['room-读书会', '2024-04-04']);
  });

  it('#群 lists the groups a part of a name finds, and says when none does', async () => {
    const rooms = Array.from({ length: 12 }, (_, i) => room(`课程${i + 1}群`, { members: 10 + i }));
    const { data } = fakeData(rooms);
    const list = (await answerCommand(context(data), '#群课程')).split('\n');
    expect(list[0]).toBe('找到 12 个群：');
    expect(list[1]).toBe('· 课程1群：10 人，今天 +3 / -1');
    expect(list).toHaveLength(12);
    expect(list[11]).toBe('只列出前 10 个，发送更完整的群名查看一个群。');
    expect(await answerCommand(context(data), '#群 篮球')).toBe('没有群名包含「篮球」的群。');
    expect(await answerCommand(context(fakeData().data), '#群')).toBe('还没有群。');
  });

  it('#群 says when nobody spoke in the window', async () => {
    const { data } = fakeData([room('')]);
    data.topMembers = async () => [];
    expect(await answerCommand(context(data, { locale: 'en' }), '#group')).toBe(
      [
        'Group "(no name)"',
        '120 members, today 3 joined and 1 left, 80 lurkers',
        'Nobody spoke in the last 30 days.',
      ].join('\n'),
    );
  });

  it('#潜水 counts lurkers per group by the workspace’s grades', async () => {
    const { data, asked } = fakeData([room('读书会'), room('读书会二群', { members: 30, lurkers: 2 })]);
    const grades = { days: 14, active: 10, lurker: 1 };
    expect(await answerCommand(context(data, { grades }), '＃潜水 读书会')).toBe(
      ['潜水（近 14 天发言不超过 1 条）：', '· 读书会：80 / 120 人', '· 读书会二群：2 / 30 人'].join('\n'),
    );
    expect(asked.rooms).toMatchObject({ sinceDay: '2024-04-20', lurkerMax: 1 });
    expect(await answerCommand(context(data, { locale: 'en' }), '#lurkers nothing')).toBe(
      'No group’s name contains "nothing".',
    );
  });

  it('answers an unknown command with a hint', async () => {
    expect(await answerCommand(context(fakeData().data), '#价格 多少')).toBe(
      '没有「#价格」这个命令。发送 #帮助 查看可用命令。',
    );
  });

  it('runs a fake table entry like a real one, and lists it in #帮助', async () => {
    const echo: ChatCommand = {
      names: ['回声', 'echo'],
      describe: { 'zh-CN': '原样返回', en: 'Says it back' },
      example: { 'zh-CN': '#回声 你好', en: '#echo hi' },
      run: async (ctx, args) => `${ctx.locale}:${args}`,
    };
    const ctx = context(fakeData().data, { commands: [...CHAT_COMMANDS, echo] });
    expect(await answerCommand(ctx, '#ECHO  hi there ')).toBe('zh-CN:hi there');
    expect(await answerCommand(ctx, '#帮助')).toContain('#回声 你好 —— 原样返回');
  });
});

describe('parsing', () => {
  it('takes Chinese and English names, full-width #, no space after a Chinese name', () => {
    const name = (text: string) => parseCommand(text, CHAT_COMMANDS)?.command.names[0] ?? null;
    expect(name('#统计 7天')).toBe('统计');
    expect(name('#STATS')).toBe('统计');
    expect(name('＃群读书会')).toBe('群');
    expect(name('# group 读书会')).toBe('群');
    expect(name('#groups')).toBeNull();
    expect(name('#lurkers')).toBe('潜水');
    expect(parseCommand('#群读书会 二群', CHAT_COMMANDS)?.args).toBe('读书会 二群');
  });

  it('reads the days of #统计', () => {
    expect(['', '今天', 'today', 'Today'].map(statsDays)).toEqual([1, 1, 1, 1]);
    expect(['7天', '7 天', '近7天', '7d', '7', '30天', 'last 7 days'].map(statsDays)).toEqual([
      7, 7, 7, 7, 7, 30, 7,
    ]);
    expect(['0天', '100天', '昨天', 'week'].map(statsDays)).toEqual([null, null, null, null]);
  });

  it('finds local midnights across a zone', () => {
    expect(dayStart(NOW, 'Asia/Shanghai', 6)).toEqual({
      at: new Date('2024-04-26T16:00:00Z'),
      day: '2024-04-27',
    });
    expect(dayStart(NOW, 'America/New_York').day).toBe('2024-05-02');
  });

  it('has every sentence in every language', () => {
    const keys = Object.keys(CHAT_WORDS['zh-CN']).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(CHAT_WORDS[locale]).sort()).toEqual(keys);
      for (const key of keys) expect(CHAT_WORDS[locale][key as keyof (typeof CHAT_WORDS)['en']]).not.toBe('');
    }
  });
});
