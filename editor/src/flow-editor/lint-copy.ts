// A marketer-friendly title for every lint code; the lint's own message (which card, which field,
// what is wrong) stays underneath as the detail.
import type { Issue, LintCode } from '../../../shared/flow/issues.ts';
import type { Localized } from '../../../shared/i18n.ts';

export const LINT_TITLES: Record<LintCode, Localized> = {
  no_trigger: { 'zh-CN': '缺少触发节点', en: 'No trigger' },
  unknown_type: { 'zh-CN': '未知的节点类型', en: 'Unknown node type' },
  invalid_data: { 'zh-CN': '节点设置有误', en: 'Node settings need fixing' },
  duplicate_id: { 'zh-CN': '重复的编号', en: 'Duplicate id' },
  dangling_edge: { 'zh-CN': '连线缺少一端', en: 'Connection with a missing end' },
  unknown_port: { 'zh-CN': '连线出口不存在', en: 'Connection from a missing exit' },
  port_reused: { 'zh-CN': '同一出口连了多条线', en: 'Exit used twice' },
  trigger_has_incoming: { 'zh-CN': '触发节点不能有入线', en: 'Connection into a trigger' },
  instant_loop: { 'zh-CN': '没有等待的循环', en: 'Loop without a wait' },
  unknown_variable: { 'zh-CN': '未知的变量', en: 'Unknown variable' },
  unsafe_regex: { 'zh-CN': '正则表达式可能卡住服务器', en: 'Regular expression could freeze the server' },
  unsupported_regex: { 'zh-CN': '不支持的正则写法', en: 'Unsupported regular expression' },
  unset_attribute: { 'zh-CN': '属性可能没有值', en: 'Attribute may be empty' },
  unreachable: { 'zh-CN': '节点无法到达', en: 'Node never reached' },
  message_burst: { 'zh-CN': '连续消息过多', en: 'Too many messages in a row' },
  dead_end: { 'zh-CN': '出口没有连接', en: 'Exit not connected' },
};

/** The title of a code the editor does not know yet (a newer server) falls back to the code. */
export const lintTitle = (code: string): Localized | undefined =>
  Object.hasOwn(LINT_TITLES, code) ? LINT_TITLES[code as LintCode] : undefined;

/** A React key for an issue: issues carry no id, but never repeat all of these at once. */
export const issueKey = (issue: Pick<Issue, 'nodeId' | 'edgeId' | 'path' | 'message'> & { code: string }) =>
  [issue.code, issue.nodeId, issue.edgeId, issue.path, issue.message].join('|');
