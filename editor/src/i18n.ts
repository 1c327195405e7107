// The editor's two languages; zh-CN is the default for Chinese browsers. Each area of the editor
// declares its own messages with `defineMessages` and reads them with the hook it returns; what the
// server and the lint report by code (lint issues, API and schema errors) is said by catalogue/.
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { type Locale, type Localized, localize } from '../../shared/i18n.ts';

export type Lang = Locale;

export function detectLang(languages: readonly string[] = navigator.languages): Lang {
  const saved = localStorage.getItem('wefunnel.lang');
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({
  lang: 'en',
  setLang: () => {},
});

export function LangProvider(props: { lang: Lang; setLang: (lang: Lang) => void; children: ReactNode }) {
  const { lang, setLang, children } = props;
  return createElement(LangContext.Provider, { value: { lang, setLang } }, children);
}

/** The current language and the switch. */
export const useLang = () => useContext(LangContext);

/** A label from the shared catalogue (node labels, field labels) in the current language. */
export function useLocalize(): (text: Localized) => string {
  const { lang } = useLang();
  return (text) => localize(text, lang);
}

type Dictionary = Record<string, string>;

/**
 * One area's messages in both languages (the `en` keys are the contract: zh-CN must have the same).
 * `{name}` placeholders are filled from the second argument of `t`.
 */
export function defineMessages<K extends string>(messages: {
  'zh-CN': Record<K, string>;
  en: Record<K, string>;
}) {
  const translate = (lang: Lang, key: K, values?: Record<string, string | number>): string => {
    const text = (messages[lang] as Dictionary)[key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (m, name) => String(values[name] ?? m)) : text;
  };
  return {
    translate,
    useT: () => {
      const { lang } = useLang();
      return (key: K, values?: Record<string, string | number>) => translate(lang, key, values);
    },
  };
}

export const shellMessages = defineMessages({
  'zh-CN': {
    tagline: '微信上的 Intercom：把加好友、问答、发券、拉群、召回画成漏斗。',
    email: '邮箱',
    password: '密码',
    signIn: '登录',
    signOut: '退出登录',
    signedInAs: '当前登录',
    workspace: '工作区',
    role: '角色',
    insights: '洞察',
    inbox: '收件箱',
    inboxBadge: '{n} 个会话等待分配',
    kpis: '客服数据',
    review: '质检',
    flows: '流程',
    contacts: '联系人',
    groups: '群组',
    campaigns: '群发与召回',
    leads: '网站线索',
    channels: '渠道活码',
    coupons: '优惠券',
    bots: '机器人',
    members: '成员',
    settings: '设置',
  },
  en: {
    tagline:
      'Intercom for WeChat: draw friend requests, Q&A, coupons, group invites and recalls as a funnel.',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    workspace: 'Workspace',
    role: 'Role',
    insights: 'Insights',
    inbox: 'Inbox',
    inboxBadge: '{n} unassigned conversations waiting',
    kpis: 'KPIs',
    review: 'Review',
    flows: 'Flows',
    contacts: 'Contacts',
    groups: 'Groups',
    campaigns: 'Campaigns',
    leads: 'Leads',
    channels: 'Channels',
    coupons: 'Coupons',
    bots: 'Bots',
    members: 'Members',
    settings: 'Settings',
  },
});
