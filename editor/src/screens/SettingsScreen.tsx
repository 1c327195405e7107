// Workspace settings: time zone, bot disclosure signature, and the fallback for messages no flow
// takes (keyword auto-replies, then handing the contact to a human); below, the campaign settings
// (SettingsScreenCampaigns.tsx) and group activity grades.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { WorkspaceBody } from '../../../shared/api/workspace.ts';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, Input, PageHeader, Select } from '../app/ui.tsx';
import { defineMessages } from '../i18n.ts';
import { ActivityGradesCard } from './GroupsActivityGrades.tsx';
import { CampaignSettingsCard } from './SettingsScreenCampaigns.tsx';

const messages = defineMessages({
  'zh-CN': {
    title: '设置',
    subtitle: '工作区的时区、机器人署名，以及没有流程接住的消息怎么处理。',
    timeZone: '时区（等待时段与活跃时间按此计算）',
    signature: '机器人署名（附在每条机器人消息后，留空则不附）',
    signaturePlaceholder: '—— 来自我的机器人助理',
    fallback: '兜底回复',
    fallbackHint: '没有等待中的流程、也没有触发器匹配时：先按关键词自动回复，否则转人工。',
    keywords: '关键词（逗号分隔）',
    reply: '回复内容',
    addRule: '+ 添加关键词回复',
    remove: '删除',
    handoff: '没有匹配时转人工（机器人对该联系人保持安静，直到交还）',
    handoffReply: '转人工时发送（留空则不发）',
    save: '保存设置',
    saved: '已保存',
  },
  en: {
    title: 'Settings',
    subtitle: 'The workspace’s time zone, bot signature, and what happens to messages no flow takes.',
    timeZone: 'Time zone (wait windows and activity hours use it)',
    signature: 'Bot signature (appended to every bot message; empty: none)',
    signaturePlaceholder: '— Sent by my bot assistant',
    fallback: 'Fallback',
    fallbackHint:
      'When no run waits for the contact and no trigger matches: keyword auto-replies first, else a human.',
    keywords: 'Keywords (comma separated)',
    reply: 'Reply',
    addRule: '+ Add keyword reply',
    remove: 'Remove',
    handoff: 'Hand to a human when nothing matches (the bot stays quiet for that contact until handed back)',
    handoffReply: 'Sent when handing to a human (empty: nothing)',
    save: 'Save settings',
    saved: 'Saved',
  },
});

/** Used where the browser cannot list its time zones (Intl.supportedValuesOf is missing). */
const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
];

/** Every IANA time zone the browser knows, and UTC (which Chromium leaves out of the list). */
export function browserTimeZones(): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = COMMON_TIME_ZONES;
  }
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** The choices of the time-zone select: the workspace's own zone first when the list lacks it. */
export function timeZoneChoices(current: string, known: string[]): string[] {
  return current && !known.includes(current) ? [current, ...known] : known;
}

type Rule = { id: number; keywords: string; reply: string };
let nextRuleId = 1;

export function SettingsScreen() {
  const t = messages.useT();
  const queryClient = useQueryClient();
  const [knownZones] = useState(browserTimeZones);
  const workspace = useQuery({
    queryKey: ['workspace'],
    queryFn: () => api<WorkspaceBody>('GET', '/workspace'),
  });
  const [form, setForm] = useState<{
    timeZone: string;
    signature: string;
    rules: Rule[];
    handoff: boolean;
    handoffReply: string;
  }>();
  useEffect(() => {
    const w = workspace.data;
    if (!w || form) return;
    setForm({
      timeZone: w.timeZone,
      signature: w.botSignature ?? '',
      rules: w.fallback.autoReplies.map((r) => ({
        id: nextRuleId++,
        keywords: r.keywords.join(', '),
        reply: r.reply,
      })),
      handoff: w.fallback.handoff,
      handoffReply: w.fallback.handoffReply,
    });
  }, [workspace.data, form]);
  const save = useMutation({
    mutationFn: () =>
      api<WorkspaceBody>('PATCH', '/workspace', {
        timeZone: form!.timeZone.trim(),
        botSignature: form!.signature.trim() || null,
        fallback: {
          autoReplies: form!.rules
            .map((r) => ({
              keywords: r.keywords
                .split(/[,，]/)
                .map((k) => k.trim())
                .filter(Boolean),
              reply: r.reply.trim(),
            }))
            .filter((r) => r.keywords.length > 0 && r.reply),
          handoff: form!.handoff,
          handoffReply: form!.handoffReply.trim(),
        },
      }),
    onSuccess: (w) => queryClient.setQueryData(['workspace'], w),
  });
  if (!form) return <ErrorNote error={workspace.error} />;
  const setRule = (i: number, rule: Rule | null) =>
    setForm({
      ...form,
      rules: rule ? form.rules.map((r, j) => (i === j ? rule : r)) : form.rules.filter((_, j) => j !== i),
    });
  const label = 'block text-xs font-medium text-slate-600';
  const zones = timeZoneChoices(form.timeZone, knownZones);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card className="max-w-3xl space-y-5 p-6">
        <label className={label}>
          {t('timeZone')}
          <Select
            value={form.timeZone}
            onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
            className="mt-1 block w-72"
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </Select>
        </label>
        <label className={label}>
          {t('signature')}
          <Input
            value={form.signature}
            placeholder={t('signaturePlaceholder')}
            onChange={(e) => setForm({ ...form, signature: e.target.value })}
            className="mt-1 block w-full"
          />
        </label>
        <div>
          <h2 className="font-medium text-slate-900">{t('fallback')}</h2>
          <p className="mb-3 text-sm text-slate-500">{t('fallbackHint')}</p>
          {form.rules.map((rule, i) => (
            <div key={rule.id} className="mb-2 flex gap-2">
              <Input
                placeholder={t('keywords')}
                value={rule.keywords}
                onChange={(e) => setRule(i, { ...rule, keywords: e.target.value })}
                className="w-56"
              />
              <Input
                placeholder={t('reply')}
                value={rule.reply}
                onChange={(e) => setRule(i, { ...rule, reply: e.target.value })}
                className="flex-1"
              />
              <Button variant="danger" onClick={() => setRule(i, null)}>
                {t('remove')}
              </Button>
            </div>
          ))}
          <Button
            onClick={() =>
              setForm({ ...form, rules: [...form.rules, { id: nextRuleId++, keywords: '', reply: '' }] })
            }
          >
            {t('addRule')}
          </Button>
          <label className="mt-4 flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={form.handoff}
              onChange={(e) => setForm({ ...form, handoff: e.target.checked })}
            />
            {t('handoff')}
          </label>
          {form.handoff && (
            <Input
              placeholder={t('handoffReply')}
              value={form.handoffReply}
              onChange={(e) => setForm({ ...form, handoffReply: e.target.value })}
              className="mt-2 block w-full"
            />
          )}
        </div>
        <div className="flex items-center gap-3">
          <Button variant="primary" onClick={() => save.mutate()} disabled={save.isPending}>
            {t('save')}
          </Button>
          {save.isSuccess && <span className="text-sm text-emerald-700">{t('saved')}</span>}
        </div>
        <ErrorNote error={save.error} />
      </Card>
      <CampaignSettingsCard />
      <ActivityGradesCard />
    </>
  );
}
