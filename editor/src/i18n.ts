// The editor's two languages; zh-CN is the default for Chinese browsers.
export type Lang = 'zh-CN' | 'en';

const messages = {
  'zh-CN': {
    tagline: '微信上的 Intercom：把加好友、问答、发券、拉群、召回画成漏斗。',
    email: '邮箱',
    password: '密码',
    signIn: '登录',
    signOut: '退出登录',
    signedInAs: '当前登录',
    workspace: '工作区',
    role: '角色',
    badLogin: '邮箱或密码错误',
    tooMany: '尝试次数过多，请稍后再试',
    comingSoon: '流程编辑器即将上线。',
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
    badLogin: 'Wrong email or password',
    tooMany: 'Too many attempts, try again later',
    comingSoon: 'The flow editor is on its way.',
  },
} as const;

export type MessageKey = keyof (typeof messages)['en'];

export function detectLang(languages: readonly string[] = navigator.languages): Lang {
  const saved = localStorage.getItem('wefunnel.lang');
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export const translate = (lang: Lang, key: MessageKey): string => messages[lang][key];
