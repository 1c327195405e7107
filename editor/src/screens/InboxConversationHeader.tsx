// The open conversation's header: who, its status, who has it (a member who takes conversations, the
// round robin, or nobody), snooze (in an hour, tomorrow 9:00, next Monday, or a chosen time), and
// close / reopen (`e` closes).
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Badge, Button, ErrorNote, Input, Select } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import {
  type ConversationDetail,
  useAssign,
  useClose,
  useMembers,
  useReopen,
  useSnooze,
} from './inbox-api.ts';
import { useInboxKeys } from './inbox-keys.ts';
import { inboxMessages } from './inbox-messages.ts';
import { localInputValue, SNOOZE_PRESETS, snoozeUntil } from './inbox-time.ts';

const STATUS_TONE = { open: 'green', snoozed: 'amber', closed: 'slate' } as const;

export function ConversationHeader({
  conversation: c,
  canAct,
}: {
  conversation: ConversationDetail;
  canAct: boolean;
}) {
  const t = inboxMessages.useT();
  const time = useWorkspaceTime();
  const assign = useAssign(c.id);
  const close = useClose(c.id);
  const reopen = useReopen(c.id);
  const snooze = useSnooze(c.id);
  useInboxKeys({ e: canAct && c.status !== 'closed' ? () => close.mutate() : undefined });
  return (
    <header className="border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold text-slate-900" data-testid="conv-contact">
            <Link href={`/contacts/${c.contact.id}`} className="hover:underline">
              {c.contact.name || t('noName')}
            </Link>
          </h2>
          <div className="mt-0.5 flex items-center gap-2 text-xs text-slate-500">
            <span data-testid="conv-status" data-status={c.status}>
              <Badge tone={STATUS_TONE[c.status]}>{t(`status_${c.status}`)}</Badge>
            </span>
            {c.status === 'snoozed' && c.snoozedUntil && (
              <span>{t('snoozedUntil', { time: time.format(c.snoozedUntil) })}</span>
            )}
            {!c.botPaused && <span className="text-sky-700">{t('botHas')}</span>}
          </div>
        </div>
        <AssignSelect
          conversation={c}
          disabled={!canAct || assign.isPending}
          onAssign={(userId) => assign.mutate(userId)}
        />
        {c.status !== 'closed' && (
          <SnoozeMenu disabled={!canAct || snooze.isPending} onSnooze={(until) => snooze.mutate(until)} />
        )}
        {c.status === 'closed' ? (
          <Button
            disabled={!canAct || reopen.isPending}
            onClick={() => reopen.mutate()}
            data-testid="conv-reopen"
          >
            {t('reopen')}
          </Button>
        ) : (
          <Button
            variant="primary"
            disabled={!canAct || close.isPending}
            onClick={() => close.mutate()}
            title={t('closeHint')}
            data-testid="conv-close"
          >
            {t('close')}
          </Button>
        )}
      </div>
      <ErrorNote error={assign.error ?? close.error ?? reopen.error ?? snooze.error} />
    </header>
  );
}

function AssignSelect(props: {
  conversation: ConversationDetail;
  disabled: boolean;
  onAssign: (userId: string | null) => void;
}) {
  const t = inboxMessages.useT();
  const members = useMembers();
  const { assignee } = props.conversation;
  const agents = (members.data ?? []).filter((m) => m.agent);
  const listed = !assignee || agents.some((m) => m.userId === assignee.id);
  return (
    <Select
      size="small"
      className="w-36"
      aria-label={t('assignee')}
      value={assignee?.id ?? ''}
      disabled={props.disabled}
      onChange={(e) => props.onAssign(e.target.value || null)}
      data-testid="conv-assign"
    >
      <option value="">{t('unassigned')}</option>
      <option value="round_robin">{t('roundRobin')}</option>
      {!listed && assignee && <option value={assignee.id}>{assignee.name}</option>}
      {agents.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name || m.email}
          {m.online ? ` · ${t('online')}` : ''}
        </option>
      ))}
    </Select>
  );
}

function SnoozeMenu(props: { disabled: boolean; onSnooze: (until: Date) => void }) {
  const t = inboxMessages.useT();
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState(() => localInputValue(snoozeUntil('tomorrow')));
  const choose = (until: Date) => {
    setOpen(false);
    props.onSnooze(until);
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="relative">
      <Button
        size="normal"
        disabled={props.disabled}
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen(!open)}
        data-testid="conv-snooze"
      >
        {t('snooze')} ▾
      </Button>
      {open && (
        <>
          <button
            type="button"
            aria-label={t('cancel')}
            className="fixed inset-0 z-10 cursor-default"
            onClick={() => setOpen(false)}
          />
          <div
            role="menu"
            className="absolute right-0 z-20 mt-1 w-60 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200"
          >
            {SNOOZE_PRESETS.map((preset) => (
              <button
                key={preset}
                type="button"
                role="menuitem"
                className="block w-full rounded-md px-3 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100"
                onClick={() => choose(snoozeUntil(preset))}
                data-testid={`snooze-${preset}`}
              >
                {t(`snooze_${preset}`)}
              </button>
            ))}
            <form
              className="mt-1 flex gap-1 border-t border-slate-100 px-2 pt-2 pb-1"
              onSubmit={(e) => {
                e.preventDefault();
                const until = new Date(custom);
                if (!Number.isNaN(until.getTime()) && until.getTime() > Date.now()) choose(until);
              }}
            >
              <Input
                type="datetime-local"
                size="small"
                className="min-w-0 flex-1"
                aria-label={t('snoozeCustom')}
                value={custom}
                min={localInputValue(new Date())}
                onChange={(e) => setCustom(e.target.value)}
                data-testid="snooze-custom"
              />
              <Button type="submit" size="small" variant="primary">
                {t('ok')}
              </Button>
            </form>
          </div>
        </>
      )}
    </div>
  );
}
