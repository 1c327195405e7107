// What went wrong, said to the marketer in their language: the API's errors by code (its messages
// are English, for scripts), with the fields a refused request got wrong; a lost connection as one.
import { ROLES, type Role } from '../../shared/roles.ts';
import { ApiError } from './api.ts';
import { issueText } from './flow-editor/issue-text.ts';
import { byPattern, type Lang, type PatternRule, shellMessages, useLang } from './i18n.ts';
import { membersMessages } from './screens/members-messages.ts';

const THINGS: Record<string, string> = {
  Flow: '流程',
  Contact: '联系人',
  'Bot account': '机器人账号',
  'Sandbox bot account': '沙盒机器人账号',
  Member: '成员',
  'API key': 'API 密钥',
  'Published version': '已发布版本',
  Workspace: '工作区',
  Resource: '资源',
  'Outbox message': '待发送的消息',
};
const OUTBOX_STATUS: Record<string, string> = {
  queued: '已在排队发送',
  sending: '正在发送',
  sent: '已经发出',
  dismissed: '已被忽略',
};
const role = (name: string) =>
  (ROLES as readonly string[]).includes(name) ? membersMessages.translate('zh-CN', name as Role) : name;

const MESSAGES: PatternRule[] = [
  [/^Version (\d+) not found$/, (n) => `版本 ${n} 不存在`],
  [/^(.+) not found$/, (what) => `${THINGS[what] ?? what}不存在`],
  [/^(.+) is already a member$/, (email) => `${email} 已经是成员`],
  [/^A workspace needs at least one owner$/, () => '工作区至少需要一位所有者'],
  [/^Missing or wrong x-csrf-token header$/, () => '登录状态已过期，请刷新页面'],
  [/^An? (\w+) cannot grant the (\w+) role$/, (a, b) => `${role(a)}不能授予${role(b)}角色`],
  [/^The (\w+) role may not do this$/, (name) => `${role(name)}角色无权执行此操作`],
  [/^Authentication required$/, () => '请先登录'],
  [/^Not allowed$/, () => '无权执行此操作'],
  [
    /^The message is (\w+): only an unknown or failed one can be resent or dismissed$/,
    (status) => `这条消息${OUTBOX_STATUS[status] ?? status}，只有状态未知或失败的消息才能重发或忽略`,
  ],
];

const BY_CODE: Record<string, Record<Lang, string>> = {
  invalid_request: { 'zh-CN': '有内容填写不正确', en: 'Some fields are not valid' },
  invalid_json: { 'zh-CN': '请求内容无法解析', en: 'The request could not be read' },
  invalid_flow: {
    'zh-CN': '流程有错误：请先修复再发布',
    en: 'The flow has errors: fix them before publishing',
  },
  not_published: { 'zh-CN': '请先发布流程', en: 'Publish the flow first' },
  sandbox_offline: {
    'zh-CN': '沙盒机器人已停止，或正被另一个进程使用',
    en: 'The sandbox bot is stopped or held by another worker',
  },
  runtime_unavailable: {
    'zh-CN': '这个服务器没有运行机器人（用 npm start 启动）',
    en: 'This server runs without the bots (start it with npm start)',
  },
  payload_too_large: { 'zh-CN': '内容太大了', en: 'That is too large' },
  internal_error: {
    'zh-CN': '服务器出错了，请稍后再试',
    en: 'Something went wrong on the server; try again',
  },
};
/** Sign-in's own words, which the login page also shows. */
const SHELL_CODES = { invalid_credentials: 'badLogin', rate_limited: 'tooMany' } as const;
const OFFLINE: Record<Lang, string> = {
  'zh-CN': '连不上服务器，请检查网络后重试',
  en: 'Cannot reach the server; check the connection and retry',
};

/** `body.limits.messagesPerMinute` → `limits.messagesPerMinute`: where the form put it. */
const fieldOf = (path: string) => path.replace(/^(body|querystring|params)\.?/, '') || path;

export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    const shell = SHELL_CODES[error.code as keyof typeof SHELL_CODES];
    const base = shell
      ? shellMessages.translate(lang, shell)
      : (BY_CODE[error.code]?.[lang] ??
        (lang === 'zh-CN' ? byPattern(MESSAGES, error.message) : error.message));
    if (error.details.length === 0) return base;
    const fields = error.details.map((d) => `${fieldOf(d.path)}: ${issueText(d.message, lang)}`);
    return `${base}${lang === 'zh-CN' ? '：' : ': '}${fields.join(lang === 'zh-CN' ? '；' : '; ')}`;
  }
  if (error instanceof TypeError) return OFFLINE[lang];
  return error instanceof Error ? error.message : String(error);
}

export function useErrorText(): (error: unknown) => string {
  const { lang } = useLang();
  return (error) => errorText(error, lang);
}
