// The accounts the friend pages rotate across: each one's friends against its cap, the friend
// requests it may still accept today, its room, and its friend QR code (uploaded here).
import { useRef } from 'react';
import { Badge, Button, Card, ErrorNote } from '../app/ui.tsx';
import { formatCount } from '../charts/format.ts';
import { useLang } from '../i18n.ts';
import { type ChannelAccount, useUploadFriendQr } from './channels-api.ts';
import { channelsMessages } from './channels-messages.ts';

export function ChannelsAccounts(props: { accounts: ChannelAccount[] | undefined; canEdit: boolean }) {
  const t = channelsMessages.useT();
  if (!props.accounts?.length) return null;
  return (
    <section className="mt-6">
      <h2 className="text-base font-semibold text-slate-900">{t('accountsTitle')}</h2>
      <p className="mt-0.5 mb-3 max-w-3xl text-sm text-slate-500">{t('accountsHint')}</p>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {props.accounts.map((a) => (
          <AccountCard key={a.botAccountId} account={a} canEdit={props.canEdit} />
        ))}
      </div>
    </section>
  );
}

function AccountCard({ account: a, canEdit }: { account: ChannelAccount; canEdit: boolean }) {
  const t = channelsMessages.useT();
  const { lang } = useLang();
  const n = (value: number) => formatCount(value, lang);
  const upload = useUploadFriendQr(a.botAccountId);
  const file = useRef<HTMLInputElement>(null);
  return (
    <Card className="flex gap-4 p-4">
      {a.qrUrl ? (
        <img src={a.qrUrl} alt={t('friendQr')} className="h-20 w-20 shrink-0 rounded ring-1 ring-slate-200" />
      ) : (
        <div className="grid h-20 w-20 shrink-0 place-items-center rounded bg-slate-50 text-center text-[10px] text-slate-400 ring-1 ring-slate-200">
          {t('friendQr')}
        </div>
      )}
      <div className="min-w-0 flex-1 text-sm" data-testid="channel-account">
        <div className="flex items-center gap-2">
          <span className="truncate font-medium text-slate-900">{a.name}</span>
          <Badge tone="slate">{t(a.kind)}</Badge>
        </div>
        <div className="mt-1 text-slate-600">{t('friends', { n: n(a.friends), cap: n(a.friendCap) })}</div>
        <div className="text-slate-600">{t('acceptsLeft', { n: n(a.acceptsLeftToday) })}</div>
        <div className="mt-1">
          <Badge tone={a.room > 0 ? 'green' : 'red'}>
            {a.room > 0 ? t('room', { n: n(a.room) }) : t('full')}
          </Badge>
        </div>
        {!a.qrUrl && <p className="mt-1 text-xs text-slate-400">{t('noQr')}</p>}
        {canEdit && (
          <>
            <input
              ref={file}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              className="hidden"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) upload.mutate(chosen);
                e.target.value = '';
              }}
            />
            <Button
              size="small"
              className="mt-2"
              onClick={() => file.current?.click()}
              disabled={upload.isPending}
            >
              {t('uploadQr')}
            </Button>
            <ErrorNote error={upload.error} />
          </>
        )}
      </div>
    </Card>
  );
}
