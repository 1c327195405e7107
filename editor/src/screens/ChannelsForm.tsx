// Creating or editing a channel: its name, how it attributes (QR page, hello code, lead form), its
// public address, hello code, tags, spend (yuan here, cents in the API) and the accounts it rotates.
import { useState } from 'react';
import { CHANNEL_KINDS, type ChannelKind } from '../../../shared/api/channels.ts';
import { Button, Card, ErrorNote, Input, Select } from '../app/ui.tsx';
import { type ChannelAccount, type ChannelItem, useSaveChannel } from './channels-api.ts';
import { channelsMessages } from './channels-messages.ts';

const label = 'block text-xs font-medium text-slate-600';

const splitTags = (text: string) => [
  ...new Set(
    text
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

export function ChannelsForm(props: {
  channel: ChannelItem | null;
  accounts: ChannelAccount[];
  onDone: () => void;
}) {
  const t = channelsMessages.useT();
  const { channel } = props;
  const save = useSaveChannel(channel?.id ?? null);
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'qr');
  const [slug, setSlug] = useState(channel?.slug ?? '');
  const [helloCode, setHelloCode] = useState(channel?.helloCode ?? '');
  const [tags, setTags] = useState(channel?.tags.join(', ') ?? '');
  const [spend, setSpend] = useState(channel ? String(channel.spend / 100) : '0');
  const [accountIds, setAccountIds] = useState<string[]>(channel?.botAccountIds ?? []);
  const toggle = (id: string) =>
    setAccountIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  return (
    <Card className="mb-4 p-5">
      <form
        className="grid gap-4 md:grid-cols-2"
        data-testid="channel-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            {
              name: name.trim(),
              kind,
              ...(slug.trim() && { slug: slug.trim() }),
              helloCode: helloCode.trim() || (channel ? null : undefined),
              tags: splitTags(tags),
              spend: Math.round(Number(spend || 0) * 100),
              botAccountIds: accountIds,
            },
            { onSuccess: props.onDone },
          );
        }}
      >
        <label className={label}>
          {t('name')}
          <Input
            className="mt-1 block w-full"
            value={name}
            placeholder={t('namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className={label}>
          {t('kind')}
          <Select
            className="mt-1 block w-full"
            value={kind}
            onChange={(e) => setKind(e.target.value as ChannelKind)}
          >
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </Select>
          <span className="mt-1 block font-normal text-slate-500">{t(`kindHint_${kind}`)}</span>
        </label>
        <label className={label}>
          {t('slug')}
          <span className="mt-1 flex items-center gap-1">
            <span className="text-sm text-slate-400">/c/</span>
            <Input
              className="w-full"
              value={slug}
              placeholder={t('slugPlaceholder')}
              onChange={(e) => setSlug(e.target.value.toLowerCase())}
            />
          </span>
        </label>
        <label className={label}>
          {t('helloCode')}
          <Input
            className="mt-1 block w-full"
            value={helloCode}
            placeholder={t('helloCodePlaceholder')}
            onChange={(e) => setHelloCode(e.target.value)}
          />
        </label>
        <label className={label}>
          {t('tags')}
          <Input className="mt-1 block w-full" value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <label className={label}>
          {t('spend')}
          <Input
            type="number"
            min={0}
            step="any"
            className="mt-1 block w-40"
            value={spend}
            onChange={(e) => setSpend(e.target.value)}
          />
        </label>
        <fieldset className="md:col-span-2">
          <legend className={label}>{t('accounts')}</legend>
          <p className="mt-1 text-xs text-slate-500">{accountIds.length === 0 && t('allAccounts')}</p>
          <div className="mt-1 flex flex-wrap gap-3">
            {props.accounts.map((a) => (
              <label key={a.botAccountId} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={accountIds.includes(a.botAccountId)}
                  onChange={() => toggle(a.botAccountId)}
                />
                {a.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-2 md:col-span-2">
          <Button type="submit" variant="primary" disabled={!name.trim() || save.isPending}>
            {t('save')}
          </Button>
          <Button onClick={props.onDone}>{t('cancel')}</Button>
        </div>
        <div className="md:col-span-2">
          <ErrorNote error={save.error} />
        </div>
      </form>
    </Card>
  );
}
