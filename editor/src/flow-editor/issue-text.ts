// The lint's and the node schemas' messages in the marketer's language. `validate` (shared with the
// server and outside scripts) speaks English; the editor says the same in Chinese by recognising each
// message's pattern. A message no pattern knows (a newer server) shows as it came.
import { byPattern, type Lang, type PatternRule as Rule } from '../i18n.ts';

/** Reasons `checkVariable` gives after `{{name}}: `. */
const VARIABLE_REASONS: Rule[] = [
  [/^`tags` is a list: use a condition$/, () => '`tags` 是一个列表：请用条件节点判断'],
  [/^`(.+)` is not a valid attribute key$/, (key) => `\`${key}\` 不是有效的属性名`],
  [/^unknown namespace `(.+)`$/, (ns) => `未知的变量前缀 \`${ns}\``],
  [/^unknown field `(.+)`$/, (name) => `未知的字段 \`${name}\``],
];

const SIZES: Record<string, string> = { characters: '个字符', character: '个字符', items: '项', item: '项' };
const TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
};
const AT_LEAST: Record<string, string> = { '>=': '至少', '>': '多于' };
const AT_MOST: Record<string, string> = { '<=': '最多', '<': '少于' };

const RULES: Rule[] = [
  // shared/flow: the lint.
  [/^Unknown node type (.+)$/, (type) => `未知的节点类型 ${type}`],
  [/^Two nodes share the id (.+)$/, (id) => `两个节点使用了同一个编号 ${id}`],
  [/^Two edges share the id (.+)$/, (id) => `两条连线使用了同一个编号 ${id}`],
  [
    /^Port (.+) is not a port of (.+) \(ports: (.*)\)$/,
    (port, node, known) => `${port} 不是节点 ${node} 的出口（它的出口：${known === 'none' ? '无' : known}）`,
  ],
  [
    /^Edge (.+) leads (from|to) missing node (.+)$/,
    (edge, end, node) => `连线 ${edge} 的${end === 'from' ? '起点' : '终点'}节点 ${node} 不存在`,
  ],
  [
    /^Edge (.+) enters trigger (.+): a trigger starts a run and has no input$/,
    (edge, node) => `连线 ${edge} 连进了触发节点 ${node}：触发节点只负责开始流程，不能有入线`,
  ],
  [
    /^Port (.+) of (.+) already has an edge: one port leads to one node$/,
    (port, node) => `节点 ${node} 的出口 ${port} 已经有连线：一个出口只能连到一个节点`,
  ],
  [/^A flow document has `nodes` and `edges` arrays$/, () => '流程文档需要 nodes 和 edges 两个数组'],
  [/^The flow has no trigger: nothing would start a run$/, () => '流程没有触发节点：不会有任何联系人进入'],
  [
    /^These nodes loop without a node that waits \(ask, wait, wait_reply\): (.+)$/,
    (cycle) => `这些节点循环时没有经过需要等待的节点（提问、等待、等待回复）：${cycle}`,
  ],
  [/^No trigger reaches (.+)$/, (node) => `没有任何触发节点能走到 ${node}`],
  [
    /^(\d+) or more messages in a row without a wait: add a wait or a question$/,
    (n) => `连续 ${n} 条及以上消息之间没有等待：请加一个等待或提问`,
  ],
  [
    /^Port (.+) of (.+) leads nowhere: the run ends there$/,
    (port, node) => `节点 ${node} 的出口 ${port} 没有连接：流程会在这里结束`,
  ],
  [
    /^No node of this flow writes attributes\.(.+): it is empty unless set elsewhere$/,
    (key) => `本流程没有节点写入 attributes.${key}：除非在别处设置，否则它为空`,
  ],
  [/^(\{\{.+\}\}): (.+)$/, (variable, reason) => `${variable}：${byPattern(VARIABLE_REASONS, reason)}`],
  // shared/flow/schemas.ts and shared/nodes: the node forms' own checks.
  [
    /^Use an ISO-8601 duration such as PT30S, PT10M, PT2H, P3D or P1W$/,
    () => '请使用 ISO-8601 时长，例如 PT30S、PT10M、PT2H、P3D 或 P1W',
  ],
  [
    /^Lowercase letters, digits and _, starting with a letter, at most 40$/,
    () => '只能用小写字母、数字和 _，以字母开头，最多 40 个字符',
  ],
  [/^Lowercase letters, digits and _, starting with a letter$/, () => '只能用小写字母、数字和 _，以字母开头'],
  [/^Not a valid regular expression$/, () => '不是有效的正则表达式'],
  [/^Use a 24-hour time such as 09:30$/, () => '请使用 24 小时制时间，例如 09:30'],
  [/^A choice question needs at least one choice$/, () => '选择题至少需要一个选项'],
  [/^A regex question needs a pattern$/, () => '正则校验的提问需要填写正则表达式'],
  [/^The maximum is below the minimum$/, () => '最大值小于最小值'],
  [
    /^Use attributes\.<key>, contact\.name, contact\.alias, tags or reply\.text$/,
    () => '请使用 attributes.<属性名>、contact.name、contact.alias、tags 或 reply.text',
  ],
  [/^`(.+)` needs a value$/, (op) => `\`${op}\` 需要填写一个值`],
  [/^Branch name `(.+)` is used twice$/, (name) => `分支名 \`${name}\` 重复了`],
  [/^At least one branch needs a weight above 0$/, () => '至少要有一个分支的权重大于 0'],
  [/^Add or remove at least one tag$/, () => '至少添加或移除一个标签'],
  // zod's generic English.
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (expected) => `格式不对：应为${TYPES[expected] ?? expected}`,
  ],
  [/^Invalid option: expected one of (.+)$/, (values) => `无效选项：应为 ${values} 之一`],
  [
    /^Too small: expected \w+ to have (>=|>)(\S+) (\w+)$/,
    (op, n, unit) => `${AT_LEAST[op]} ${n} ${SIZES[unit] ?? unit}`,
  ],
  [
    /^Too big: expected \w+ to have (<=|<)(\S+) (\w+)$/,
    (op, n, unit) => `${AT_MOST[op]} ${n} ${SIZES[unit] ?? unit}`,
  ],
  [
    /^Too small: expected \w+ to be (>=|>)(\S+)$/,
    (op, n) => (op === '>=' ? `不能小于 ${n}` : `必须大于 ${n}`),
  ],
  [/^Too big: expected \w+ to be (<=|<)(\S+)$/, (op, n) => (op === '<=' ? `不能大于 ${n}` : `必须小于 ${n}`)],
  [/^Invalid string: must match pattern (.+)$/, (pattern) => `格式不对：应匹配 ${pattern}`],
  [/^Invalid input$/, () => '格式不对'],
];

/** A lint or schema message in `lang`. */
export const issueText = (message: string, lang: Lang): string =>
  lang === 'zh-CN' ? byPattern(RULES, message) : message;
