// The stats bar's words in both languages.
import { defineMessages } from '../../i18n.ts';

export const { useT } = defineMessages({
  'zh-CN': {
    version: '版本',
    versionOption: 'v{version} · {date}',
    latest: '（最新）',
    live: '实时',
    connecting: '连接中',
    reconnecting: '重新连接中',
    active: '进行中',
    waiting: '等待中',
    completed: '已完成',
    exited: '已退出',
    failed: '失败',
    goal: '目标',
    noGoals: '尚无目标达成',
    notPublished: '此流程尚未发布。发布后即可在这里看到联系人在漏斗中的流转。',
    loadFailed: '无法加载统计：{message}',
  },
  en: {
    version: 'Version',
    versionOption: 'v{version} · {date}',
    latest: ' (latest)',
    live: 'Live',
    connecting: 'Connecting',
    reconnecting: 'Reconnecting',
    active: 'Active',
    waiting: 'Waiting',
    completed: 'Completed',
    exited: 'Exited',
    failed: 'Failed',
    goal: 'Goal',
    noGoals: 'No goals reached yet',
    notPublished: 'This flow has not been published yet. Publish it to see contacts move through the funnel.',
    loadFailed: 'Could not load stats: {message}',
  },
});
