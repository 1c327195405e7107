// The lint's and the node schemas' messages in the marketer's language. `validate` (shared with the
// server and outside scripts) speaks English and says where an issue is by the card's title and the
// field's label ("Condition › Rules #2 › Value: …"); the editor says the same in Chinese, taking the
// place apart by the registry's labels and the rest by each message's pattern. A message no pattern
// knows (a newer server) shows as it came.
import { formFields } from '../../../shared/flow/node-definition.ts';
import { UNKNOWN_CARD } from '../../../shared/flow/places.ts';
import { PORTS } from '../../../shared/flow/ports.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { byPattern, type Lang, type PatternRule as Rule } from '../i18n.ts';

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const NODES = new Map(nodeRegistry.types.map((definition) => [definition.label.en, definition]));
const PORT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(PORTS).map((port) => [port.label.en, port.label['zh-CN']]),
);
/** A port's label in Chinese; a split's branch is labelled with its own name in both languages. */
const portZh = (label: string): string => own(PORT_LABELS, label) ?? label;
const nodeZh = (label: string): string => NODES.get(label)?.label['zh-CN'] ?? label;

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
  // shared/flow: the lint, whole messages.
  [/^Unknown card type `(.+)`$/, (type) => `未知的节点类型 \`${type}\``],
  [/^Two connections share one id$/, () => '两条连线使用了同一个编号'],
  [
    /^A connection (comes from|leads to) a card that does not exist$/,
    (end) => `一条连线的${end === 'comes from' ? '起点' : '终点'}节点不存在`,
  ],
  [/^A flow document has `nodes` and `edges` arrays$/, () => '流程文档需要 nodes 和 edges 两个数组'],
  [/^The flow has no trigger: nothing would start a run$/, () => '流程没有触发节点：不会有任何联系人进入'],
  [
    /^These cards loop without a card that waits \((.+)\): (.+)$/,
    (waiting, cycle) =>
      `这些节点循环时没有经过需要等待的节点（${waiting.split(', ').map(nodeZh).join('、')}）：${cycle
        .split(' → ')
        .map(placeZh)
        .join(' → ')}`,
  ],
  // shared/flow: the lint, after the place.
  [/^another card has the same id$/, () => '另一个节点使用了同一个编号'],
  [
    /^a connection leaves from an exit this card does not have \((?:its exits: (.+)|it has no exits)\)$/,
    (exits) =>
      `有连线从这个节点没有的出口连出（${
        exits
          ? `它的出口：${Array.from(exits.matchAll(/“([^”]*)”/g), (m) => `「${portZh(m[1]!)}」`).join('、')}`
          : '它没有出口'
      }）`,
  ],
  [
    /^a connection enters this trigger, but a trigger starts a run and has no input$/,
    () => '有连线连进了这个触发节点，但触发节点只负责开始流程，不能有入线',
  ],
  [
    /^the exit “(.+)” already has a connection: one exit leads to one card$/,
    (port) => `出口「${portZh(port)}」已经有连线：一个出口只能连到一个节点`,
  ],
  [/^no trigger leads to this card$/, () => '没有任何触发节点能走到这里'],
  [
    /^(\d+) or more messages in a row without a wait: add a wait or a question$/,
    (n) => `连续 ${n} 条及以上消息之间没有等待：请加一个等待或提问`,
  ],
  [
    /^the exit “(.+)” leads nowhere: the run ends there$/,
    (port) => `出口「${portZh(port)}」没有连接：流程会在这里结束`,
  ],
  [
    /^no card of this flow sets the attribute `(.+)`: it is empty unless set elsewhere$/,
    (key) => `本流程没有节点设置属性 \`${key}\`：除非在别处设置，否则它为空`,
  ],
  [/^(\{\{.+\}\}): (.+)$/, (variable, reason) => `${variable}：${byPattern(VARIABLE_REASONS, reason)}`],
  [
    /^`(.*)` cannot run here: patterns may not use backreferences \(\\1\), lookarounds \(\(\?=…\), \(\?<=…\)\) or repeat counts above 1000$/,
    (fragment) =>
      `不支持 \`${fragment}\`：正则表达式不能使用反向引用（\\1）、环视（(?=…)、(?<=…)）或超过 1000 的重复次数`,
  ],
  [
    /^this pattern could freeze the server on some messages \(a repetition inside a repetition such as \(a\+\)\+, or more than (\d+) repetitions\): simplify it$/,
    (n) =>
      `这个正则表达式在某些消息上可能让服务器卡住（重复里套重复，例如 (a+)+，或超过 ${n} 处重复）：请简化`,
  ],
  [
    /^this pattern is too complex to match quickly: simplify it$/,
    () => '这个正则表达式太复杂，无法快速匹配：请简化',
  ],
  // shared/flow/schemas.ts and shared/nodes: the node forms' own checks.
  [
    /^Use an ISO-8601 duration such as PT30S, PT10M, PT2H, P3D or P1W$/,
    () => '请使用 ISO-8601 时长，例如 PT30S、PT10M、PT2H、P3D 或 P1W',
  ],
  [/^At most (P\w+) \((\d+) days\)$/, (max, days) => `最长 ${days} 天（${max}）`],
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
    (expected) => `格式不对：应为${own(TYPES, expected) ?? expected}`,
  ],
  [/^Invalid option: expected one of (.+)$/, (values) => `无效选项：应为 ${values} 之一`],
  [
    /^Too small: expected \w+ to have (>=|>)(\S+) (\w+)$/,
    (op, n, unit) => `${own(AT_LEAST, op)} ${n} ${own(SIZES, unit) ?? unit}`,
  ],
  [
    /^Too big: expected \w+ to have (<=|<)(\S+) (\w+)$/,
    (op, n, unit) => `${own(AT_MOST, op)} ${n} ${own(SIZES, unit) ?? unit}`,
  ],
  [
    /^Too small: expected \w+ to be (>=|>)(\S+)$/,
    (op, n) => (op === '>=' ? `不能小于 ${n}` : `必须大于 ${n}`),
  ],
  [/^Too big: expected \w+ to be (<=|<)(\S+)$/, (op, n) => (op === '<=' ? `不能大于 ${n}` : `必须小于 ${n}`)],
  [/^Invalid string: must match pattern (.+)$/, (pattern) => `格式不对：应匹配 ${pattern}`],
  [/^Invalid input$/, () => '格式不对'],
];

const LIST_PLACE = /^(Card|Connection) #(\d+)$/;

/**
 * The place segments a message starts with ("Condition", "Rules #2", "Value") and the rest, when
 * its first segment is a card title the registry knows (or a list entry of a broken document).
 */
function splitPlace(message: string): { place: string[]; detail: string } | null {
  const colon = message.indexOf(': ');
  if (colon < 0) return null;
  const place = message.slice(0, colon).split(' › ');
  const first = place[0]!;
  if (!NODES.has(first) && first !== UNKNOWN_CARD && !LIST_PLACE.test(first)) return null;
  return { place, detail: message.slice(colon + 2) };
}

/** "Condition › Rules #2 › Value" in Chinese; a segment the registry does not know stays as it is. */
function placeZh(place: string | string[]): string {
  const [first = '', fieldText, partText] = typeof place === 'string' ? [place] : place;
  const list = LIST_PLACE.exec(first);
  if (list) return list[1] === 'Card' ? `第 ${list[2]} 个节点` : `第 ${list[2]} 条连线`;
  if (first === UNKNOWN_CARD) return '未知节点';
  const definition = NODES.get(first);
  const segments = [definition?.label['zh-CN'] ?? first];
  if (fieldText === undefined) return segments.join(' › ');
  const [, label = fieldText, item] = /^(.*?)( #\d+)?$/.exec(fieldText) ?? [];
  const field = definition && formFields(definition).find((candidate) => candidate.label.en === label);
  segments.push(`${field?.label['zh-CN'] ?? label}${item ?? ''}`);
  if (partText !== undefined) {
    const part = field?.parts && Object.values(field.parts).find((candidate) => candidate.en === partText);
    segments.push(part?.['zh-CN'] ?? partText);
  }
  return segments.join(' › ');
}

/** A lint or schema message in `lang`. */
export function issueText(message: string, lang: Lang): string {
  if (lang !== 'zh-CN') return message;
  const split = splitPlace(message);
  return split ? `${placeZh(split.place)}：${byPattern(RULES, split.detail)}` : byPattern(RULES, message);
}

/**
 * The message without the place it starts with, in `lang`: for where the place is already in view
 * (under the field in the inspector, or below the card's own heading).
 */
export function issueDetail(message: string, lang: Lang): string {
  const detail = splitPlace(message)?.detail ?? message;
  return lang === 'zh-CN' ? byPattern(RULES, detail) : detail.charAt(0).toUpperCase() + detail.slice(1);
}
