// Generated sandbox contacts (API "Segments and campaigns", Sandbox): believable histories for trying
// segments and campaigns — names, friend statuses, first added / last talked times, tags, attributes
// and 168 hourly activity counts (Sunday = 0, the workspace zone) around a favourite hour that
// best-hour scheduling can find. Pure and seeded: the same seed makes the same people.

const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seeded PRNG (0 ≤ x < 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽',
];
const ENGLISH = [
  'Amy',
  'Ben',
  'Chloe',
  'David',
  'Emma',
  'Frank',
  'Grace',
  'Henry',
  'Ivy',
  'Jack',
  'Kevin',
  'Lily',
  'Mia',
  'Nick',
  'Olivia',
  'Peter',
  'Queenie',
  'Ryan',
  'Sophie',
  'Tom',
  'Vicky',
  'William',
  'Zoe',
];
const TAGS = ['vip', '新客', '老客', '活跃', '沉默', '复购', '潜在客户', '团购'];
const CITIES = ['上海', '北京', '深圳', '杭州', '广州', '成都', '南京', '武汉', '苏州', '西安'];
const INTENT = ['high', 'medium', 'low', 'none'] as const;

/** When a contact usually chats: a favourite hour on weekdays or at weekends. */
const PROFILES = [
  { days: [1, 2, 3, 4, 5], hours: [20, 21, 22] },
  { days: [1, 2, 3, 4, 5], hours: [12, 13] },
  { days: [0, 6], hours: [10, 11, 15, 16, 20] },
  { days: [0, 1, 2, 3, 4, 5, 6], hours: [22, 23] },
  { days: [1, 2, 3, 4, 5], hours: [8, 9, 18] },
];

export interface GeneratedContact {
  name: string;
  friendStatus: 'friend' | 'deleted_us' | 'stranger';
  firstAddedAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  tags: string[];
  attributes: Record<string, unknown>;
  activity: number[];
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function nameOf(r: () => number): string {
  if (r() < 0.25) return `${pick(r, ENGLISH)} ${String.fromCharCode(65 + Math.floor(r() * 26))}.`;
  const given = pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
  return pick(r, SURNAMES) + given;
}

/** 168 counts: a little noise everywhere, a peak at the favourite hour on the profile's days. */
export function activityOf(r: () => number): number[] {
  const profile = pick(r, PROFILES);
  const favourite = pick(r, profile.hours);
  const weight = 1 + Math.floor(r() * 12);
  const activity = Array.from({ length: 168 }, () => (r() < 0.06 ? 1 : 0));
  for (const day of profile.days) {
    const slot = day * 24 + favourite;
    activity[slot]! += weight + Math.floor(r() * 3);
    if (favourite > 0) activity[slot - 1]! += Math.floor(weight / 3);
    if (favourite < 23) activity[slot + 1]! += Math.floor(weight / 4);
  }
  return activity;
}

/** `count` people on the clock `now` (the sandbox account's), the same for the same seed. */
export function generateContacts(count: number, seed: number, now: Date): GeneratedContact[] {
  const r = prng(seed);
  const t = now.getTime();
  const within = (days: number) => new Date(t - Math.floor(r() * days * DAY_MS));
  return Array.from({ length: count }, () => {
    const roll = r();
    const friendStatus = roll < 0.05 ? 'deleted_us' : roll < 0.1 ? 'stranger' : 'friend';
    const added = friendStatus === 'stranger' ? null : within(180);
    const talked = (p: number) =>
      added && r() < p ? new Date(Math.max(added.getTime(), within(30).getTime())) : null;
    const tags = TAGS.filter(() => r() < 0.18);
    return {
      name: nameOf(r),
      friendStatus,
      firstAddedAt: added,
      lastInboundAt: talked(0.8),
      lastOutboundAt: talked(0.7),
      tags,
      attributes: { city: pick(r, CITIES), age: 18 + Math.floor(r() * 45), intent: pick(r, INTENT) },
      activity: activityOf(r),
    };
  });
}
