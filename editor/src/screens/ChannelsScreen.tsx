// Channels (渠道活码): every channel with its public page (copy the link, preview its QR code) and
// its counts — new friends, goals, deletions within 7 days, spend and cost per goal — the form to
// make or edit one, and the accounts the pages rotate across with their room today.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { CopyButton } from '../app/CopyButton.tsx';
import { Badge, Button, Card, Empty, ErrorNote, PageHeader } from '../app/ui.tsx';
import { useRoleAtLeast } from '../queries.ts';
import { ChannelsAccounts } from './ChannelsAccounts.tsx';
import { ChannelsForm } from './ChannelsForm.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { type ChannelItem, useArchiveChannel, useChannelAccounts, useChannels } from './channels-api.ts';
import { channelsMessages } from './channels-messages.ts';

const th = 'px-4 py-2 font-medium';
const td = 'px-4 py-3 tabular-nums';
const yuan = (cents: number) => `¥${(cents / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

export function ChannelsScreen() {
  const t = channelsMessages.useT();
  const channels = useChannels();
  const accounts = useChannelAccounts();
  const canEdit = useRoleAtLeast('marketer');
  const [editing, setEditing] = useState<ChannelItem | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          canEdit && (
            <Button variant="primary" onClick={() => setEditing('new')} data-testid="new-channel">
              + {t('newChannel')}
            </Button>
          )
        }
      />
      {editing && (
        <ChannelsForm
          key={editing === 'new' ? 'new' : editing.id}
          channel={editing === 'new' ? null : editing}
          accounts={accounts.data ?? []}
          onDone={() => setEditing(null)}
        />
      )}
      <ErrorNote error={channels.error} />
      <Card className="overflow-x-auto">
        {channels.isPending ? (
          <div className="h-40 animate-pulse bg-slate-100" />
        ) : channels.data?.length === 0 ? (
          <Empty title={t('empty')} hint={t('emptyHint')} />
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide break-keep text-slate-500">
              <tr>
                <th className={th}>{t('name')}</th>
                <th className={th}>{t('link')}</th>
                <th className={`${th} text-right`}>{t('newFriends')}</th>
                <th className={`${th} text-right`}>{t('goals')}</th>
                <th className={`${th} text-right`}>{t('deleted7d')}</th>
                <th className={`${th} text-right`}>{t('spend')}</th>
                <th className={`${th} text-right`}>{t('costPerGoal')}</th>
                <th className={th} />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {channels.data?.map((c) => (
                <ChannelRow key={c.id} channel={c} canEdit={canEdit} onEdit={() => setEditing(c)} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <ChannelsAccounts accounts={accounts.data} canEdit={canEdit} />
    </>
  );
}

function ChannelRow(props: { channel: ChannelItem; canEdit: boolean; onEdit: () => void }) {
  const t = channelsMessages.useT();
  const { channel: c } = props;
  const archive = useArchiveChannel(c.id);
  const [showQr, setShowQr] = useState(false);
  const link = `${window.location.origin}${c.url}`;
  return (
    <tr data-testid="channel-row" className="align-top">
      <td className="px-4 py-3">
        <div className="font-medium text-slate-900">{c.name}</div>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <Badge tone="blue">{t(`kind_${c.kind}`)}</Badge>
          {c.helloCode && <Badge tone="amber">{c.helloCode}</Badge>}
          {c.tags.map((tag) => (
            <Badge key={tag} tone="slate">
              {tag}
            </Badge>
          ))}
        </div>
      </td>
      <td className="px-4 py-3">
        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{c.url}</code>
        <div className="mt-1 flex gap-1">
          <CopyButton text={link} label={t('copy')} copiedLabel={t('copied')} />
          <Button size="small" variant="ghost" onClick={() => setShowQr((s) => !s)}>
            {t('showQr')}
          </Button>
          <a
            href={link}
            target="_blank"
            rel="noreferrer"
            className="self-center whitespace-nowrap text-xs text-emerald-700 hover:underline"
          >
            {t('open')}
          </a>
        </div>
        {showQr && <LinkQr link={link} />}
      </td>
      <td className={`${td} text-right`} data-testid="channel-new-friends">
        {c.newFriends}
      </td>
      <td className={`${td} text-right`}>{c.goals}</td>
      <td className={`${td} text-right ${c.deletedWithin7d > 0 ? 'text-red-600' : ''}`}>
        {c.deletedWithin7d}
      </td>
      <td className={`${td} text-right`}>{yuan(c.spend)}</td>
      <td className={`${td} text-right`} data-testid="channel-cost">
        {c.costPerGoal === null ? '—' : yuan(c.costPerGoal)}
      </td>
      <td className="px-4 py-3 text-right whitespace-nowrap">
        {props.canEdit && (
          <div className="flex justify-end gap-1">
            <Button variant="ghost" onClick={props.onEdit}>
              {t('edit')}
            </Button>
            <ConfirmButton
              label={t('archive')}
              question={t('archiveQuestion', { name: c.name })}
              onConfirm={() => archive.mutate(undefined)}
              disabled={archive.isPending}
            />
          </div>
        )}
      </td>
    </tr>
  );
}

/** The page's link as a QR code, to print on a poster. */
function LinkQr({ link }: { link: string }) {
  const t = channelsMessages.useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(link, { width: 160, margin: 1 }).then(setSrc, () => setSrc(null));
  }, [link]);
  return src ? (
    <img src={src} alt={t('qrPreview')} className="mt-2 h-32 w-32 rounded ring-1 ring-slate-200" />
  ) : null;
}
