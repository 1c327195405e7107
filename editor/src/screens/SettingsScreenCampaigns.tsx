// Settings for campaigns: the per-contact message budget (bot-initiated messages one contact may get
// per day and per week, across all flows and campaigns), and the word lists that sort campaign
// replies — simple replies (好的/收到…) and purchase intent (多少钱/报名…). Owners and admins save.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { WorkspaceBody } from '../../../shared/api/workspace.ts';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, Input } from '../app/ui.tsx';
import { defineMessages } from '../i18n.ts';
import { useRoleAtLeast } from '../queries.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '营销活动',
    hint: '每位联系人最多收到多少条机器人主动发出的消息（所有流程和活动合计；回复联系人、人工消息和群消息不计）。超出的消息会顺延到允许的时间再发，不会丢弃。',
    perDay: '每天最多（任意 24 小时）',
    perWeek: '每周最多（任意 7 天）',
    simpleReplies: '简单回复（只回了这些词，算作“简单回复”）',
    intentKeywords: '意向关键词（回复里包含这些词，算作“有意向”）',
    addWord: '添加',
    newWord: '输入后按回车添加',
    removeWord: '删除 {word}',
    save: '保存营销设置',
    saved: '已保存',
  },
  en: {
    title: 'Campaigns',
    hint: 'How many messages the bot may start with one contact (all flows and campaigns together; replies to the contact, people’s messages and group messages do not count). A message over the budget waits until it is allowed — never dropped.',
    perDay: 'Per day at most (any 24 hours)',
    perWeek: 'Per week at most (any 7 days)',
    simpleReplies: 'Simple replies (a reply that is only one of these is a “simple reply”)',
    intentKeywords: 'Intent keywords (a reply containing one of these shows intent)',
    addWord: 'Add',
    newWord: 'Type and press Enter to add',
    removeWord: 'Remove {word}',
    save: 'Save campaign settings',
    saved: 'Saved',
  },
});

/** An editable word list: chips with a remove button, and a box that adds on Enter or Add. */
function WordList(props: {
  label: string;
  words: string[];
  onChange: (words: string[]) => void;
  disabled: boolean;
  testId: string;
}) {
  const t = messages.useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    const word = draft.trim();
    if (word && !props.words.some((w) => w.toLowerCase() === word.toLowerCase()))
      props.onChange([...props.words, word]);
    setDraft('');
  };
  return (
    <div data-testid={props.testId}>
      <div className="text-xs font-medium text-slate-600">{props.label}</div>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {props.words.map((word) => (
          <span
            key={word}
            className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm"
          >
            {word}
            {!props.disabled && (
              <button
                type="button"
                className="text-slate-400 hover:text-red-600"
                aria-label={t('removeWord', { word })}
                onClick={() => props.onChange(props.words.filter((w) => w !== word))}
              >
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      {!props.disabled && (
        <div className="mt-2 flex gap-2">
          <Input
            value={draft}
            maxLength={50}
            placeholder={t('newWord')}
            aria-label={`${props.label}: ${t('newWord')}`}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            className="w-56"
          />
          <Button onClick={add}>{t('addWord')}</Button>
        </div>
      )}
    </div>
  );
}

export function CampaignSettingsCard() {
  const t = messages.useT();
  const queryClient = useQueryClient();
  const canSave = useRoleAtLeast('admin');
  const workspace = useQuery({
    queryKey: ['workspace'],
    queryFn: () => api<WorkspaceBody>('GET', '/workspace'),
  });
  const [form, setForm] = useState<{
    perDay: string;
    perWeek: string;
    simpleReplies: string[];
    intentKeywords: string[];
  }>();
  const stored = workspace.data;
  useEffect(() => {
    if (!stored?.messageBudget) return;
    setForm({
      perDay: String(stored.messageBudget.perDay),
      perWeek: String(stored.messageBudget.perWeek),
      simpleReplies: stored.simpleReplies ?? [],
      intentKeywords: stored.intentKeywords ?? [],
    });
  }, [stored]);
  const save = useMutation({
    mutationFn: () =>
      api<WorkspaceBody>('PATCH', '/workspace', {
        messageBudget: { perDay: Number(form!.perDay), perWeek: Number(form!.perWeek) },
        simpleReplies: form!.simpleReplies,
        intentKeywords: form!.intentKeywords,
      }),
    onSuccess: (w) => queryClient.setQueryData(['workspace'], w),
  });
  if (!form) return null;
  const number = (key: 'perDay' | 'perWeek', max: number) => (
    <label className="block text-xs font-medium text-slate-600">
      {t(key)}
      <Input
        type="number"
        min={1}
        max={max}
        className="mt-1 block w-32"
        value={form[key]}
        disabled={!canSave}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`budget-${key}`}
      />
    </label>
  );
  return (
    <Card className="mt-6 max-w-3xl space-y-4 p-6">
      <div>
        <h2 className="font-medium text-slate-900">{t('title')}</h2>
        <p className="text-sm text-slate-500">{t('hint')}</p>
      </div>
      <div className="flex flex-wrap gap-4">
        {number('perDay', 100)}
        {number('perWeek', 700)}
      </div>
      <WordList
        label={t('simpleReplies')}
        words={form.simpleReplies}
        onChange={(simpleReplies) => setForm({ ...form, simpleReplies })}
        disabled={!canSave}
        testId="simple-replies"
      />
      <WordList
        label={t('intentKeywords')}
        words={form.intentKeywords}
        onChange={(intentKeywords) => setForm({ ...form, intentKeywords })}
        disabled={!canSave}
        testId="intent-keywords"
      />
      {canSave && (
        <div className="flex items-center gap-3">
          <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate()}>
            {t('save')}
          </Button>
          {save.isSuccess && <span className="text-sm text-emerald-700">{t('saved')}</span>}
        </div>
      )}
      <ErrorNote error={save.error} />
    </Card>
  );
}
